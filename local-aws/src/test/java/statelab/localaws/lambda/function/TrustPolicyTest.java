package statelab.localaws.lambda.function;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustPolicyTest {

    @Test
    void aRoleThatLetsLambdaAssumeItIsAccepted() {
        assertTrue(TrustPolicy.allowsLambda("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    @Test
    void listsOfServicesAndActionsAndASingleStatementObjectAreRead() {
        assertTrue(TrustPolicy.allowsLambda("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "[\"ec2.amazonaws.com\",\"lambda.amazonaws.com\"]},\"Action\":[\"sts:TagSession\",\"sts:AssumeRole\"]}}"));
    }

    @Test
    void aRoleForAnotherServiceIsRefused() {
        assertFalse(TrustPolicy.allowsLambda("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    @Test
    void anotherActionThanAssumeRoleIsRefused() {
        assertFalse(TrustPolicy.allowsLambda("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"lambda.amazonaws.com\"},\"Action\":\"sts:TagSession\"}]}"));
    }

    @Test
    void anExplicitDenyWins() {
        assertFalse(TrustPolicy.allowsLambda("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Deny\",\"Principal\":"
                + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    @Test
    void aPolicyThatIsNotJsonOrMissingIsRefused() {
        assertFalse(TrustPolicy.allowsLambda("not json"));
        assertFalse(TrustPolicy.allowsLambda(null));
        assertFalse(TrustPolicy.allowsLambda("[]"));
    }
}

package statelab.localaws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsException;

class QueryParamsTest {

    @Test
    void listMembersComeBackInIndexOrderWithTheirFields() {
        QueryParams params = new QueryParams(Map.of(
                "Tags.member.2.Key", "b", "Tags.member.2.Value", "2",
                "Tags.member.10.Key", "c", "Tags.member.10.Value", "10",
                "Tags.member.1.Key", "a", "Tags.member.1.Value", "1",
                "PolicyArns.member.1", "arn:one"));
        assertEquals(List.of(Map.of("Key", "a", "Value", "1"), Map.of("Key", "b", "Value", "2"),
                Map.of("Key", "c", "Value", "10")), params.members("Tags.member"));
        assertEquals(List.of(Map.of("", "arn:one")), params.members("PolicyArns.member"));
    }

    @Test
    void aMissingRequiredParameterIsAValidationError() {
        AwsException error = assertThrows(AwsException.class, () -> new QueryParams(Map.of()).required("RoleName"));
        assertEquals(400, error.status());
        assertEquals("1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
                error.getMessage());
    }
}

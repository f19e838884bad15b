package statelab.localaws.spi;

import java.util.Optional;

/** Lambda functions as other services need to see them: resolve a name or (partial) ARN. */
public interface FunctionDirectory {

    Optional<FunctionRef> find(String nameOrArn);

    /** @param arn the unqualified function ARN */
    record FunctionRef(String name, String arn, String roleArn, int timeoutSeconds) {
    }
}

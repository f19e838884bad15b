package statelab.localaws.spi;

import java.util.Optional;

/** The IAM roles local-aws knows, as Lambda's CreateFunction needs them (existence and trust policy). */
public interface RoleDirectory {

    Optional<Role> findByArn(String roleArn);

    /** @param assumeRolePolicyDocument the trust policy JSON, URL-decoded */
    record Role(String arn, String name, String assumeRolePolicyDocument) {
    }
}

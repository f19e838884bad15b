package statelab.localaws.iam;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import statelab.localaws.ServiceContext;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.protocol.QueryOperation;
import statelab.localaws.protocol.QueryProtocol;
import statelab.localaws.spi.RoleDirectory;

/**
 * IAM (query protocol, XML answers): roles, their inline and attached policies, customer managed policies.
 * Nothing is enforced: policies are stored and returned, never evaluated. Offers {@link RoleDirectory} to
 * Lambda, which checks that a function's role exists and trusts it.
 */
public final class IamService implements AwsService, RoleDirectory {
    private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final IamStore store;
    private final QueryProtocol protocol;

    public IamService(ServiceContext context) {
        this.store = new IamStore(context.folder("iam"));
        Map<String, QueryOperation> operations = new HashMap<>();
        new RoleOperations(store, context.names(), context.clock()).register(operations);
        new RolePolicyOperations(store).register(operations);
        new ManagedPolicyOperations(store, context.names(), context.clock()).register(operations);
        this.protocol = new QueryProtocol("IAM", NAMESPACE, operations);
    }

    @Override
    public Set<String> signingNames() {
        return Set.of("iam");
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    @Override
    public Optional<Role> findByArn(String roleArn) {
        if (roleArn == null || !roleArn.contains(":role/")) {
            return Optional.empty();
        }
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return store.role(name)
                .filter(role -> role.arn().equals(roleArn))
                .map(role -> new Role(role.arn(), role.roleName(), role.assumeRolePolicyDocument()));
    }
}

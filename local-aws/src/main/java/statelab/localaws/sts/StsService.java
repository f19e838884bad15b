package statelab.localaws.sts;

import java.util.Map;
import java.util.Set;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.protocol.QueryParams;
import statelab.localaws.protocol.QueryProtocol;
import statelab.localaws.protocol.Xml;

/**
 * STS: GetCallerIdentity, which Terraform's AWS provider calls first to learn the account. Whatever the
 * credentials, the caller is the account's root user, as with the account's root access key on AWS.
 */
public final class StsService implements AwsService {
    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private final AwsNames names;
    private final QueryProtocol protocol;

    public StsService(AwsNames names) {
        this.names = names;
        this.protocol = new QueryProtocol("STS", NAMESPACE, Map.of("GetCallerIdentity", this::getCallerIdentity));
    }

    @Override
    public Set<String> signingNames() {
        return Set.of("sts");
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    private void getCallerIdentity(QueryParams params, Xml result, AwsRequest request) {
        // the root user's UserId is the account id itself
        result.leaf("UserId", names.accountId())
                .leaf("Account", names.accountId())
                .leaf("Arn", "arn:aws:iam::" + names.accountId() + ":root");
    }
}

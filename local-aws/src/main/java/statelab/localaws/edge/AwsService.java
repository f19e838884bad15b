package statelab.localaws.edge;

import java.util.Set;

/** One emulated AWS service behind the edge. Implementations render their own errors in their protocol. */
public interface AwsService {

    /** The SigV4 signing names that route to this service (e.g. {@code lambda}, {@code logs}). */
    Set<String> signingNames();

    /** Answers one request. May throw {@link AwsException}; anything else becomes an InternalFailure. */
    AwsResponse handle(AwsRequest request);
}

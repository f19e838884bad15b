package statelab.localaws.lambda;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Tags of Lambda resources other than functions (event source mappings), so that Lambda's one set of tag
 * operations ({@code /2017-03-31/tags/{ARN}}) serves them all. Register with
 * {@link LambdaService#addTaggedResources}.
 */
public interface TaggedResources {

    /** @return the resource's tags, or empty when no resource has this ARN (the caller answers 404) */
    Optional<Map<String, String>> tags(String arn);

    /** Adds or replaces tags; throws an AwsException (404) when no resource has this ARN. */
    void tag(String arn, Map<String, String> tags);

    /** Removes tags by key; throws an AwsException (404) when no resource has this ARN. */
    void untag(String arn, Collection<String> keys);
}

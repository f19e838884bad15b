package statelab.localaws.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.QueryParams;

/** IAM's input rules (names, paths, policy documents, tags), its id formats and its document encoding. */
final class IamRules {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("(/[\\x21-\\x7E&&[^/]]+)*/");
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_TAGS = 50;

    private IamRules() {
    }

    static String name(QueryParams params, String field, int maxLength) {
        String value = params.required(field);
        if (value.isEmpty() || value.length() > maxLength || !NAME.matcher(value).matches()) {
            throw IamErrors.validation("1 validation error detected: Value '" + value + "' at '" + lowerFirst(field)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
                    + " and have length between 1 and " + maxLength);
        }
        return value;
    }

    static String path(QueryParams params) {
        String path = params.optional("Path").orElse("/");
        if (path.length() > 512 || !PATH.matcher(path).matches()) {
            throw IamErrors.validation("The specified value for path is invalid. It must begin and end with / and"
                    + " contain only alphanumeric characters and/or / characters.");
        }
        return path;
    }

    /** A policy document must be a JSON object with a Statement; AWS's wording otherwise. */
    static String policyDocument(QueryParams params, String field) {
        String document = decodeIfEncoded(params.required(field));
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(document);
        } catch (IOException e) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        if (node == null || !node.isObject()) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        if (!node.has("Statement")) {
            throw IamErrors.malformedPolicy("Missing required field Statement");
        }
        return document;
    }

    static List<IamRole.Tag> tags(QueryParams params) {
        List<IamRole.Tag> tags = new ArrayList<>();
        for (Map<String, String> member : params.members("Tags.member")) {
            String key = member.get("Key");
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw IamErrors.validation("1 validation error detected: Value at 'tags.member.key' failed to satisfy"
                        + " constraint: Member must have length between 1 and 128");
            }
            String value = member.getOrDefault("Value", "");
            if (value.length() > 256) {
                throw IamErrors.validation("1 validation error detected: Value at 'tags.member.value' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 256");
            }
            tags.add(new IamRole.Tag(key, value));
        }
        return tags;
    }

    /** Existing tags with new ones set over them (same key = replaced), at most {@link #MAX_TAGS}. */
    static List<IamRole.Tag> merge(List<IamRole.Tag> existing, List<IamRole.Tag> added) {
        List<IamRole.Tag> merged = new ArrayList<>(existing);
        for (IamRole.Tag tag : added) {
            merged.removeIf(old -> old.key().equals(tag.key()));
            merged.add(tag);
        }
        if (merged.size() > MAX_TAGS) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return merged;
    }

    static List<String> tagKeys(QueryParams params) {
        return params.members("TagKeys.member").stream().map(member -> member.get("")).toList();
    }

    /** AWS's 21-character unique ids: a 4-letter type prefix (AROA roles, ANPA policies) and 17 base32 letters. */
    static String uniqueId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    static String now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * IAM returns policy documents URL-encoded (RFC 3986: a space is %20); Terraform decodes them, and a
     * document returned any other way shows as a perpetual diff.
     */
    static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Clients may send documents URL-encoded too (the CLI does for file:// input); stored decoded. */
    static String decodeIfEncoded(String document) {
        String trimmed = document.trim();
        if (trimmed.startsWith("%7B") || trimmed.startsWith("%7b")) {
            return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
        }
        return document;
    }

    static int maxItems(QueryParams params) {
        int maxItems = params.optionalInt("MaxItems").orElse(100);
        if (maxItems < 1 || maxItems > 1000) {
            throw IamErrors.validation("1 validation error detected: Value '" + maxItems
                    + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        return maxItems;
    }

    private static String lowerFirst(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}

package statelab.localaws.edge;

/**
 * What a SigV4 credential scope says about a request: {@code <accessKey>/<date>/<region>/<service>/aws4_request}.
 * Any field may be null when the request was not signed. local-aws does not verify signatures: any
 * credentials are accepted, as the design says.
 */
public record SigningScope(String accessKeyId, String region, String service) {

    public static final SigningScope UNSIGNED = new SigningScope(null, null, null);

    /** Reads the scope from an {@code Authorization} header or an {@code X-Amz-Credential} query value. */
    public static SigningScope parse(String authorizationHeader, String credentialQueryValue) {
        String credential = null;
        if (authorizationHeader != null) {
            int at = authorizationHeader.indexOf("Credential=");
            if (at >= 0) {
                int start = at + "Credential=".length();
                int end = start;
                while (end < authorizationHeader.length()
                        && authorizationHeader.charAt(end) != ',' && authorizationHeader.charAt(end) != ' ') {
                    end++;
                }
                credential = authorizationHeader.substring(start, end);
            }
        }
        if (credential == null) {
            credential = credentialQueryValue;
        }
        if (credential == null) {
            return UNSIGNED;
        }
        String[] parts = credential.split("/");
        if (parts.length < 5) {
            return new SigningScope(parts.length > 0 ? parts[0] : null, null, null);
        }
        return new SigningScope(parts[0], parts[2], parts[3]);
    }
}

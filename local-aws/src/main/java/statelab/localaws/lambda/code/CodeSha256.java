package statelab.localaws.lambda.code;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A deployment package's identity as Lambda reports it: {@code CodeSha256} is the base64 of the SHA-256 of the
 * zip's bytes, exactly what Terraform's {@code filebase64sha256()} computes, so that a second plan sees no change.
 */
public record CodeSha256(String base64) {

    public static CodeSha256 of(byte[] zip) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(zip);
            return new CodeSha256(Base64.getEncoder().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The same digest in lower-case hex: a safe file name for the package and its extracted folder. */
    public String hex() {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    @Override
    public String toString() {
        return base64;
    }
}

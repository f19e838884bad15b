package statelab.localaws.lambda.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodeSha256Test {

    @Test
    void itIsTheBase64OfTheSha256OfTheBytesAsTerraformsFilebase64sha256() {
        // sha256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
        CodeSha256 sha = CodeSha256.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", sha.base64());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha.hex());
    }
}

package statelab.localaws.lambda.function;

import java.util.regex.Pattern;
import statelab.localaws.edge.AwsException;

/**
 * A Java handler: {@code package.Class::method} or {@code package.Class} (the class then implements
 * RequestHandler or RequestStreamHandler). Checked at CreateFunction so that a typo is a clear error there rather
 * than a ClassNotFoundException at the first invoke.
 */
public final class HandlerName {
    private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final Pattern JAVA_HANDLER = Pattern.compile(
            IDENTIFIER + "(\\." + IDENTIFIER + ")*(::" + IDENTIFIER + ")?");
    private static final int MAX_LENGTH = 128;

    private HandlerName() {
    }

    public static String validate(String handler) {
        if (handler == null) {
            throw AwsException.invalidParameter("A handler is required for a Zip package: package.Class::method or"
                    + " package.Class");
        }
        if (handler.length() > MAX_LENGTH) {
            throw AwsException.validation("1 validation error detected: Value '" + handler + "' at 'handler' failed to"
                    + " satisfy constraint: Member must have length less than or equal to " + MAX_LENGTH);
        }
        if (!JAVA_HANDLER.matcher(handler).matches()) {
            throw AwsException.invalidParameter("The handler '" + handler + "' is not a Java handler: use"
                    + " package.Class::method or package.Class");
        }
        return handler;
    }
}

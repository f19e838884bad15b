package statelab.localaws.config;

/**
 * Every knob of local-aws in one table: environment variable, default, meaning. Add a row here, never read
 * {@code System.getenv} elsewhere. The README's configuration table is generated from the same rows
 * ({@code local-aws settings}).
 */
public enum Setting {
    HOST("LOCAL_AWS_HOST", "127.0.0.1", Type.TEXT,
            "address to listen on; a non-loopback address is refused unless LOCAL_AWS_ALLOW_NON_LOOPBACK=true"),
    PORT("LOCAL_AWS_PORT", "4566", Type.PORT, "port of the AWS endpoint"),
    ALLOW_NON_LOOPBACK("LOCAL_AWS_ALLOW_NON_LOOPBACK", "false", Type.BOOLEAN,
            "allow listening on an address other than loopback (local-aws has no authentication)"),
    DATA_DIR("LOCAL_AWS_DATA_DIR", ".lab/local-aws", Type.TEXT,
            "folder for all state (functions, code, mappings, checkpoints, roles, logs, emulator data)"),
    REGION("LOCAL_AWS_REGION", "us-east-1", Type.TEXT, "region used when a request does not name one"),
    ACCOUNT_ID("LOCAL_AWS_ACCOUNT_ID", "000000000000", Type.TEXT, "the account every ARN belongs to"),
    MAX_REQUEST_BYTES("LOCAL_AWS_MAX_REQUEST_BYTES", "83886080", Type.LONG,
            "largest request body accepted (a 50 MB zip, base64-encoded in CreateFunction, fits)"),

    NODE("LOCAL_AWS_NODE", "node", Type.TEXT, "Node.js executable that runs kinesis-mock and dynalite"),
    EMULATORS_DIR("LOCAL_AWS_EMULATORS_DIR", "emulators", Type.TEXT,
            "folder whose node_modules holds kinesis-local and dynalite (installed by npm ci)"),
    EMULATOR_READY_SECONDS("LOCAL_AWS_EMULATOR_READY_SECONDS", "60", Type.LONG,
            "how long an emulator may take to answer its first request before start-up fails"),

    LAMBDA_JAVA("LOCAL_AWS_LAMBDA_JAVA", "", Type.TEXT,
            "java executable for function environments (java17, and java21 unless LOCAL_AWS_LAMBDA_JAVA21 is set);"
                    + " empty = the JVM running local-aws"),
    LAMBDA_JAVA21("LOCAL_AWS_LAMBDA_JAVA21", "", Type.TEXT,
            "java executable for java21 functions; empty = the one of LOCAL_AWS_LAMBDA_JAVA"),
    LAMBDA_RUNTIME_LIB("LOCAL_AWS_LAMBDA_RUNTIME_LIB", "", Type.TEXT,
            "folder of the runtime interface client jars; empty = lambda-runtime/ beside the local-aws jar"),
    LAMBDA_IDLE_SECONDS("LOCAL_AWS_LAMBDA_IDLE_SECONDS", "300", Type.LONG,
            "an execution environment idle this long is stopped"),
    LAMBDA_MAX_ENVIRONMENTS("LOCAL_AWS_LAMBDA_MAX_ENVIRONMENTS", "10", Type.LONG,
            "most execution environments per function at once (its concurrency)"),
    LAMBDA_ACQUIRE_WAIT_MILLIS("LOCAL_AWS_LAMBDA_ACQUIRE_WAIT_MILLIS", "2000", Type.LONG,
            "how long an invoke waits for a busy function's environment before it is throttled (429)"),
    LAMBDA_STATE_DELAY_MILLIS("LOCAL_AWS_LAMBDA_STATE_DELAY_MILLIS", "0", Type.LONG,
            "how long a new function stays Pending, and an update InProgress, after the answer to the change"
                    + " (which always says so, as AWS's does); 0 = settled at the next read"),

    ESM_POLL_INTERVAL_MILLIS("LOCAL_AWS_ESM_POLL_INTERVAL_MILLIS", "100", Type.LONG,
            "pause between GetRecords calls on an idle shard"),
    ESM_STATE_DELAY_MILLIS("LOCAL_AWS_ESM_STATE_DELAY_MILLIS", "500", Type.LONG,
            "how long a mapping stays Creating/Updating/Enabling before it settles"),
    ESM_RETRY_BASE_MILLIS("LOCAL_AWS_ESM_RETRY_BASE_MILLIS", "1000", Type.LONG,
            "first back-off after a failed batch; doubles up to the maximum"),
    ESM_RETRY_MAX_MILLIS("LOCAL_AWS_ESM_RETRY_MAX_MILLIS", "30000", Type.LONG, "longest back-off between retries");

    public enum Type { TEXT, BOOLEAN, LONG, PORT }

    private final String environmentName;
    private final String defaultValue;
    private final Type type;
    private final String description;

    Setting(String environmentName, String defaultValue, Type type, String description) {
        this.environmentName = environmentName;
        this.defaultValue = defaultValue;
        this.type = type;
        this.description = description;
    }

    public String environmentName() {
        return environmentName;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }
}

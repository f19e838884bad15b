/**
 * AWS Lambda in local-aws: the function API, Invoke, and execution environments that run Java functions with AWS's
 * own runtime interface client.
 *
 * <h2>Operations</h2>
 * CreateFunction (Zip packages in {@code Code.ZipFile}; java17 and java21), GetFunction (with
 * {@code Code.Location}, a download link under {@code /_localaws/lambda-code/}), GetFunctionConfiguration,
 * UpdateFunctionCode, UpdateFunctionConfiguration, DeleteFunction, ListFunctions, ListVersionsByFunction (only
 * {@code $LATEST}), TagResource, UntagResource, ListTags, Get/Put/DeleteFunctionConcurrency,
 * GetFunctionCodeSigningConfig (never any), GetPolicy (never any: 404), Invoke (RequestResponse, Event, DryRun).
 * Everything else Lambda has is answered with an error naming the operation. Options that are not emulated are
 * refused by name ({@code api.Unsupported}, listed in local-aws/README.md): Layers, VpcConfig, DeadLetterConfig,
 * KMSKeyArn, TracingConfig Active, FileSystemConfigs, ImageConfig and image packages, code from S3 (and
 * SourceKMSKeyArn), SnapStart, EphemeralStorage other than 512, the JSON log format and log levels, Publish
 * (versions), CodeSigningConfigArn, ListFunctions' MasterRegion, runtimes other than java17/java21. CreateFunction
 * checks, as AWS does, that the role exists in IAM and trusts {@code lambda.amazonaws.com}. Architectures
 * x86_64 and arm64 are both accepted; either way the function runs on the host's JVM and CPU.
 *
 * <h2>States</h2>
 * The answer to CreateFunction says {@code Pending}, the answer to an update {@code InProgress}, as AWS's do; reads
 * show {@code Active}/{@code Successful} once {@code LOCAL_AWS_LAMBDA_STATE_DELAY_MILLIS} (default 0) has passed.
 * An invoke of a Pending function waits for it instead of failing.
 *
 * <h2>Execution environments ({@code runtime})</h2>
 * Each is a child JVM: {@code java -Xmx<85% of MemorySize>m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto
 * -XX:-UsePerfData -cp <runtime-lib>/* com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}, in
 * the function's unpacked code as working directory (the client loads it from there, and from its {@code lib/},
 * in a child class loader, as on AWS). It gets the variables Lambda sets (handler, region, function name, memory,
 * version, log group and stream, initialization type, task root, credentials test/test with a session token,
 * {@code TZ=:UTC}, {@code LANG}), the function's own, and {@code AWS_ENDPOINT_URL} = the edge's URL. Its
 * {@code AWS_LAMBDA_RUNTIME_API} points at a Runtime API server of its own on an ephemeral loopback port.
 * <ul>
 * <li>One invocation at a time per environment; a pool per function up to {@code LOCAL_AWS_LAMBDA_MAX_ENVIRONMENTS}
 * (or the reserved concurrency, if lower); beyond it an invoke waits {@code LOCAL_AWS_LAMBDA_ACQUIRE_WAIT_MILLIS},
 * then is throttled (429 TooManyRequestsException).</li>
 * <li>Warm environments are reused (most recently used first) and stopped after
 * {@code LOCAL_AWS_LAMBDA_IDLE_SECONDS} idle.</li>
 * <li>The function's timeout kills the environment ({@code Sandbox.Timedout}, "Task timed out after N.NN
 * seconds", REPORT {@code Status: timeout}); a JVM that exits mid-invocation is a {@code Runtime.ExitError}; a
 * failed init is reported with the client's error document and an {@code INIT_REPORT} line.</li>
 * <li>New code or configuration retires the current environments (they finish their invocation, then stop).</li>
 * <li>No JVM is left behind: close() stops them all (SIGTERM, 2 s, SIGKILL), a shutdown hook kills them if the
 * JVM exits without close(), and their pids are recorded under {@code <data>/lambda/children} so that a local-aws
 * killed -9 reaps them at its next start (pid, start time and command line must all match).</li>
 * </ul>
 *
 * <h2>Logs</h2>
 * Everything the JVM prints goes to CloudWatch Logs, group {@code /aws/lambda/<name>} (or LoggingConfig.LogGroup),
 * one stream {@code YYYY/MM/DD/[$LATEST]<32 hex>} per environment, between {@code START}, {@code END} and
 * {@code REPORT} lines worded as AWS's (Duration, Billed Duration, Memory Size, Max Memory Used from
 * {@code /proc/<pid>/status}, Init Duration on a cold start). The invoke phase ends when the runtime asks for its
 * next event, so what it logs after answering (a thrown error's stack trace) is before END.
 *
 * <h2>Data</h2>
 * {@code <data>/lambda/functions/} one JSON file per function; {@code code/packages/<sha256>.zip} the packages as
 * uploaded, {@code code/extracted/<sha256>/} unpacked (safely: no absolute paths, {@code ..} or links, at most
 * 20,000 entries and 250 MB inflated, no entry inflating over 200 times); {@code environments/} scratch space of
 * running environments; {@code children/} their pids. Functions and code survive a restart.
 *
 * <p>Other services reach Lambda through {@link statelab.localaws.spi.FunctionDirectory} and
 * {@link statelab.localaws.spi.FunctionInvoker}, both implemented by {@link statelab.localaws.lambda.LambdaService}.
 */
package statelab.localaws.lambda;

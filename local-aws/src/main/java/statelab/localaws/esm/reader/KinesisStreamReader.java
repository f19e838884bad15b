package statelab.localaws.esm.reader;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.model.StreamArn;
import statelab.localaws.spi.EmulatorEndpoints;

/**
 * {@link StreamReader} over kinesis-mock with the AWS SDK's KinesisClient.
 *
 * <p>Wire format: CBOR, the SDK's default. Switching the SDK to JSON is a JVM-wide system property that would
 * also change every other Kinesis client in the process (tests, embedders); kinesis-mock speaks CBOR, keeps
 * arrival timestamps to the millisecond in it, and hands the data over as raw bytes (no base64 round trip).
 *
 * <p>The endpoint is read from {@link EmulatorEndpoints} on every call, so that a kinesis-mock restarted on
 * another port is found again; clients for an old endpoint are closed. The SDK's own retries are off: the
 * mapping's worker retries with its own back-off and re-opens iterators, which the SDK cannot do.
 */
public final class KinesisStreamReader implements StreamReader, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KinesisStreamReader.class.getName());
    private static final String SEQUENCE_MISSING = "Unable to find record with provided SequenceNumber";

    private record ClientKey(URI endpoint, String region, String accountId) {
    }

    private final EmulatorEndpoints endpoints;
    private final Map<ClientKey, KinesisClient> clients = new ConcurrentHashMap<>();

    public KinesisStreamReader(EmulatorEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public boolean streamExists(StreamArn stream) {
        return call(stream, "DescribeStreamSummary", () -> {
            try {
                client(stream).describeStreamSummary(b -> b.streamARN(stream.arn()));
                return true;
            } catch (ResourceNotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public List<ShardInfo> listShards(StreamArn stream) {
        return call(stream, "ListShards", () -> {
            List<ShardInfo> shards = new ArrayList<>();
            String next = null;
            do {
                String token = next;
                ListShardsResponse page = token == null
                        ? client(stream).listShards(b -> b.streamARN(stream.arn()))
                        : client(stream).listShards(b -> b.nextToken(token));
                for (Shard shard : page.shards()) {
                    shards.add(new ShardInfo(shard.shardId(), shard.parentShardId(), shard.adjacentParentShardId()));
                }
                next = page.nextToken();
            } while (next != null);
            return shards;
        });
    }

    @Override
    public String openIterator(StreamArn stream, String shardId, ShardPosition position) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
                .streamARN(stream.arn()).shardId(shardId);
        if (position instanceof ShardPosition.AtTimestamp at) {
            request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(Instant.ofEpochMilli(at.epochMillis()));
        } else if (position instanceof ShardPosition.AfterSequence after) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .startingSequenceNumber(after.sequenceNumber().text());
        } else if (position instanceof ShardPosition.Latest) {
            request.shardIteratorType(ShardIteratorType.LATEST);
        } else {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        }
        return call(stream, "GetShardIterator", () -> {
            try {
                return client(stream).getShardIterator(request.build()).shardIterator();
            } catch (ResourceNotFoundException e) {
                if (String.valueOf(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage())
                        .contains(SEQUENCE_MISSING)) {
                    throw new PositionNotFoundException(shardId + ": " + position + " no longer exists in the stream");
                }
                throw e;
            }
        });
    }

    @Override
    public ReadResult read(StreamArn stream, String shardId, String iterator, int limit) {
        return call(stream, "GetRecords", () -> {
            GetRecordsResponse response;
            try {
                response = client(stream).getRecords(b -> b.shardIterator(iterator).limit(limit));
            } catch (ExpiredIteratorException e) {
                throw new IteratorExpiredException(shardId + ": the shard iterator expired");
            }
            List<StreamRecord> records = new ArrayList<>(response.records().size());
            for (Record record : response.records()) {
                records.add(new StreamRecord(shardId, SequenceNumber.of(record.sequenceNumber()),
                        record.partitionKey(), record.data().asByteArrayUnsafe(),
                        record.approximateArrivalTimestamp() == null ? 0
                                : record.approximateArrivalTimestamp().toEpochMilli()));
            }
            long behind = response.millisBehindLatest() == null ? 0 : response.millisBehindLatest();
            return new ReadResult(records, response.nextShardIterator(), behind);
        });
    }

    private interface Call<T> {
        T run();
    }

    /** Runs one API call, turning the SDK's failures into the few the mapping tells apart. */
    private <T> T call(StreamArn stream, String operation, Call<T> call) {
        try {
            return call.run();
        } catch (ResourceNotFoundException e) {
            throw new StreamNotFoundException("Stream not found: " + stream.arn());
        } catch (KinesisException e) {
            // throttling, 5xx, an iterator kinesis-mock no longer understands after a restart: all worth a retry
            throw new StreamUnavailableException(operation + " on " + stream.streamName() + " failed: "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + " "
                    + e.awsErrorDetails().errorMessage()), e);
        } catch (SdkClientException e) {
            throw new StreamUnavailableException(operation + " on " + stream.streamName()
                    + ": kinesis-mock does not answer (" + e.getMessage() + ")", e);
        } catch (SdkException e) {
            throw new StreamUnavailableException(operation + " on " + stream.streamName() + " failed: " + e.getMessage(), e);
        }
    }

    private KinesisClient client(StreamArn stream) {
        URI endpoint = endpoints.kinesis();
        ClientKey key = new ClientKey(endpoint, stream.region(), stream.accountId());
        KinesisClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        closeClientsNotAt(endpoint);
        return clients.computeIfAbsent(key, k -> KinesisClient.builder()
                .endpointOverride(k.endpoint())
                .region(Region.of(k.region()))
                // kinesis-mock keeps one namespace per account and takes a 12-digit access key as the account id
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(k.accountId(), "local-aws")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(20))
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(30)))
                .build());
    }

    private void closeClientsNotAt(URI endpoint) {
        clients.entrySet().removeIf(entry -> {
            if (entry.getKey().endpoint().equals(endpoint)) {
                return false;
            }
            LOG.log(System.Logger.Level.INFO, "kinesis-mock moved from " + entry.getKey().endpoint() + " to "
                    + endpoint + "; reconnecting");
            entry.getValue().close();
            return true;
        });
    }

    @Override
    public void close() {
        clients.values().forEach(KinesisClient::close);
        clients.clear();
    }
}

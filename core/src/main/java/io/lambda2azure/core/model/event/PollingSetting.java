package io.lambda2azure.core.model.event;

/**
 * The settings of a polled event source (queue, stream, Kafka, broker), named as CloudFormation's
 * {@code AWS::Lambda::EventSourceMapping} and SAM's pull events name them.
 */
public enum PollingSetting {
    BATCH_SIZE("BatchSize"),
    MAXIMUM_BATCHING_WINDOW_IN_SECONDS("MaximumBatchingWindowInSeconds"),
    ENABLED("Enabled"),
    STARTING_POSITION("StartingPosition"),
    STARTING_POSITION_TIMESTAMP("StartingPositionTimestamp"),
    MAXIMUM_RETRY_ATTEMPTS("MaximumRetryAttempts"),
    MAXIMUM_RECORD_AGE_IN_SECONDS("MaximumRecordAgeInSeconds"),
    BISECT_BATCH_ON_FUNCTION_ERROR("BisectBatchOnFunctionError"),
    PARALLELIZATION_FACTOR("ParallelizationFactor"),
    TUMBLING_WINDOW_IN_SECONDS("TumblingWindowInSeconds"),
    FUNCTION_RESPONSE_TYPES("FunctionResponseTypes"),
    FILTER_CRITERIA("FilterCriteria"),
    /** {@code DestinationConfig.OnFailure.Destination}. */
    ON_FAILURE_DESTINATION("DestinationConfig"),
    /** {@code ScalingConfig.MaximumConcurrency}. */
    MAXIMUM_CONCURRENCY("ScalingConfig"),
    SOURCE_ACCESS_CONFIGURATIONS("SourceAccessConfigurations"),
    KMS_KEY_ARN("KmsKeyArn"),
    METRICS_CONFIG("MetricsConfig"),
    PROVISIONED_POLLER_CONFIG("ProvisionedPollerConfig");

    private final String propertyName;

    PollingSetting(String propertyName) {
        this.propertyName = propertyName;
    }

    /** The property that holds the setting in CloudFormation and SAM. */
    public String propertyName() {
        return propertyName;
    }
}

package io.lambda2azure.core.model.event;

/** The kinds of event source, each with a stable name used in JSON output and reports. */
public enum EventKind {
    HTTP("http"),
    QUEUE("queue"),
    TOPIC("topic"),
    OBJECT_STORAGE("object-storage"),
    TABLE_STREAM("table-stream"),
    STREAM("stream"),
    KAFKA("kafka"),
    BROKER("broker"),
    DOCUMENT_DB_STREAM("document-db-stream"),
    SCHEDULE("schedule"),
    EVENT_BUS_RULE("event-bus-rule"),
    LOG_SUBSCRIPTION("log-subscription"),
    IOT_RULE("iot-rule"),
    COGNITO("cognito"),
    ALEXA("alexa"),
    INVOKE_PERMISSION("invoke-permission");

    private final String id;

    EventKind(String id) {
        this.id = id;
    }

    /** The stable name, for example {@code table-stream}. */
    public String id() {
        return id;
    }
}

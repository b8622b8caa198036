package io.lambda2azure.core.deviation;

/** The design areas of a migration; a deviation id's first digit names its area. */
public enum Area {
    COMPUTE(1, "Compute and runtime"),
    TRIGGERS(2, "Triggers"),
    IDENTITY(3, "Identity and access"),
    NETWORKING(4, "Networking"),
    DEPLOYMENT(5, "Deployment and versions"),
    MONITORING(6, "Monitoring"),
    DATA(7, "Data and messaging"),
    UNSUPPORTED(9, "Unsupported resources and properties");

    private final int digit;
    private final String title;

    Area(int digit, String title) {
        this.digit = digit;
        this.title = title;
    }

    /** The first digit of the ids of this area's deviations. */
    public int digit() {
        return digit;
    }

    /** The area's heading in reports. */
    public String title() {
        return title;
    }
}

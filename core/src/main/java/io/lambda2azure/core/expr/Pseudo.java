package io.lambda2azure.core.expr;

import java.util.Arrays;
import java.util.Optional;

/** The values a deployment engine supplies without a declaration (CloudFormation's pseudo parameters). */
public enum Pseudo {
    REGION("AWS::Region"),
    ACCOUNT_ID("AWS::AccountId"),
    STACK_NAME("AWS::StackName"),
    STACK_ID("AWS::StackId"),
    PARTITION("AWS::Partition"),
    URL_SUFFIX("AWS::URLSuffix"),
    NOTIFICATION_ARNS("AWS::NotificationARNs"),
    /** {@code AWS::NoValue}: the property is left out, as if it had not been written. */
    NO_VALUE("AWS::NoValue");

    private final String cloudFormationName;

    Pseudo(String cloudFormationName) {
        this.cloudFormationName = cloudFormationName;
    }

    /** The name as CloudFormation spells it, for example {@code AWS::Region}. */
    public String cloudFormationName() {
        return cloudFormationName;
    }

    /** The pseudo parameter with that CloudFormation name, if any. */
    public static Optional<Pseudo> fromCloudFormationName(String name) {
        return Arrays.stream(values()).filter(p -> p.cloudFormationName.equals(name)).findFirst();
    }
}

package io.lambda2azure.core.model;

/** The kind of infrastructure-as-code an application was read from. */
public enum InputKind {
    /** A plain AWS CloudFormation template (YAML or JSON). */
    CLOUDFORMATION,
    /** An AWS SAM template: CloudFormation with the {@code AWS::Serverless} transform. */
    SAM,
    /** A Terraform configuration using the AWS provider. */
    TERRAFORM
}

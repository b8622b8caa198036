package io.lambda2azure.benchmarks;

/** Generates SAM templates of a given size, shaped like real ones: events, environment and policies. */
final class Templates {

    private Templates() {
    }

    static String sam(int functions) {
        StringBuilder out = new StringBuilder(functions * 900);
        out.append("""
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage:
                    Type: String
                    Default: dev
                    AllowedValues: [dev, prod]
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Globals:
                  Function:
                    Runtime: python3.12
                    Timeout: 30
                    MemorySize: 512
                    Environment:
                      Variables:
                        STAGE: !Ref Stage
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """);
        for (int i = 0; i < functions; i++) {
            out.append("""
                      Queue%1$d:
                        Type: AWS::SQS::Queue
                        Properties:
                          VisibilityTimeout: 60
                      Function%1$d:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: app.handler%1$d
                          CodeUri: src/f%1$d/
                          MemorySize: !If [IsProd, 1024, 256]
                          Environment:
                            Variables:
                              TABLE: !Ref Table
                              QUEUE_URL: !Ref Queue%1$d
                              NAME: !Sub '${AWS::StackName}-f%1$d'
                          Policies:
                            - DynamoDBCrudPolicy: {TableName: !Ref Table}
                            - SQSPollerPolicy: {QueueName: !GetAtt Queue%1$d.QueueName}
                          Events:
                            Get:
                              Type: Api
                              Properties: {Path: '/items%1$d/{id}', Method: get}
                            Work:
                              Type: SQS
                              Properties: {Queue: !GetAtt Queue%1$d.Arn, BatchSize: 10}
                            Tick:
                              Type: Schedule
                              Properties: {Schedule: 'cron(0/15 * * * ? *)'}
                    """.formatted(i));
        }
        return out.toString();
    }
}

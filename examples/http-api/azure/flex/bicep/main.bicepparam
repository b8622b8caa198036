using 'main.bicep'

// Set the environment variable PAYMENT_API_KEY before deploying: API key of the payment provider.
param PaymentApiKey = readEnvironmentVariable('PAYMENT_API_KEY')

// Supply a string: The Azure counterpart of OrdersTable (AWS::DynamoDB::Table in the AWS template).
param ordersTableName = ''

// Supply a string: The Azure counterpart of OrdersTable.Arn (AWS::DynamoDB::Table in the AWS template).
param ordersTableArn = ''

using 'main.bicep'

// Supply an array: Private subnets with a route to the payments database.
param PrivateSubnetIds = []

// Supply a string: Security group allowed to reach the database. (An AWS::EC2::SecurityGroup::Id in the AWS template: supply the Azure counterpart.)
param DatabaseSecurityGroupId = ''

// Supply a string: Host name of the payments database.
param DatabaseHost = ''

// Set the environment variable DATABASE_PASSWORD before deploying: Password of the payments database user.
param DatabasePassword = readEnvironmentVariable('DATABASE_PASSWORD')

// Supply a string: The id of the subnet authorizePaymentFunction is integrated with, delegated to Microsoft.Web/serverFarms (it replaces the VPC subnets !Ref PrivateSubnetIds).
param authorizePaymentFunctionSubnetId = ''

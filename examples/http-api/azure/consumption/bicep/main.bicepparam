using 'main.bicep'

// Set the environment variable PAYMENT_API_KEY before deploying: API key of the payment provider.
param PaymentApiKey = readEnvironmentVariable('PAYMENT_API_KEY')

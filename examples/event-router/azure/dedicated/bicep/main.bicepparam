using 'main.bicep'

// Set the environment variable PAYMENT_PROVIDER_KEY_VALUE before deploying: The value of the Key Vault secret that replaces PaymentProviderKey.
param PaymentProviderKeyValue = readEnvironmentVariable('PAYMENT_PROVIDER_KEY_VALUE')

using 'main.bicep'

// Set the environment variable SIGNING_KEY before deploying: The webhook signing key (NoEcho parameter SigningKey).
param signingKey = readEnvironmentVariable('SIGNING_KEY')

using 'main.bicep'

// Supply one of the values allowed in main.bicep: The stage to deploy.
param stage = 'dev'

// Set the environment variable DB_PASSWORD before deploying: The database password (NoEcho parameter DbPassword).
param dbPassword = readEnvironmentVariable('DB_PASSWORD')

// Supply a string.
param subnetId = ''

// Supply an integer: Reserved concurrency of OrdersFunction.
param maxInstances = 0

// Supply true or false.
param enableTracing = false

// Supply an array.
param allowedIps = []

// Set the environment variable API_URL_KEY before deploying.
param apiURLKey = json(readEnvironmentVariable('API_URL_KEY'))

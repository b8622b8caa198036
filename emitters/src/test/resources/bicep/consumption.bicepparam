using 'main.bicep'

// Supply an integer: The most instances the app scales out to.
param scaleLimit = 0

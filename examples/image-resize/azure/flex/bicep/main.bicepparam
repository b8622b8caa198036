using 'main.bicep'

using 'main.bicep'

// Supply a string: Bucket the rendered invoices are written to (owned by the billing team).
param InvoiceBucketName = ''

using 'main.bicep'

// Supply a string: The email address API Management sends the instance's notifications to.
param apiManagementPublisherEmail = ''

// Supply a string: The OpenID Connect issuer the PartnerAuth authorizer trusts.
param partnerAuthIssuer = ''

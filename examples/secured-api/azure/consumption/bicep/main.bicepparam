using 'main.bicep'

// Supply a string: The email address API Management sends the instance's notifications to (API Management requires a publisher email).
param apiManagementPublisherEmail = ''

// Supply a string: The OpenID Connect issuer the ShopUsers authorizer of ShopApi trusts, replacing the issuer !Sub "https://cognito-idp.${AWS::Region}.amazonaws.com/${ShopUserPool}" (https://cognito-idp.<region>.amazonaws.com/<user pool id> keeps a Cognito user pool, https://login.microsoftonline.com/<tenant id>/v2.0 is Microsoft Entra ID).
param shopUsersIssuer = ''

// Supply a string: An audience the ShopUsers authorizer of ShopApi accepts, replacing !Ref ShopUserPoolClient (for a Cognito user pool, the id of the app client; for Microsoft Entra ID, the application id URI).
param shopUsersAudience = ''

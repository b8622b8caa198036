package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.lambda2azure.core.expr.Expr.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API Gateway authorizers, usage plans and API keys of a Terraform configuration become the API's auth in the
 * shape SAM's {@code Auth} gives it, so that the planner puts the API behind API Management alike: every test
 * compares with the SAM template that declares the same.
 */
class TerraformApiAuthTest {

    @TempDir
    Path dir;
    TerraformFixture tf;

    @BeforeEach
    void fixture() {
        tf = new TerraformFixture(dir);
    }

    private static final String TF_FUNCTIONS = """
            resource "aws_lambda_function" "worker" {
              function_name = "worker"
              role          = "arn:aws:iam::123456789012:role/worker"
            }

            resource "aws_lambda_function" "authorizer" {
              function_name = "authorizer"
              role          = "arn:aws:iam::123456789012:role/authorizer"
            }
            """;

    private static Expr auth(ServerlessApp app, String api) {
        return app.resources().stream().filter(DependencyResource.Api.class::isInstance)
                .map(DependencyResource.Api.class::cast).filter(a -> a.logicalId().equals(api)).findFirst()
                .orElseThrow().auth().orElseThrow();
    }

    /** SAM's Auth without the API-wide defaults, which Terraform states on each route instead. */
    private static Expr withoutDefaults(Expr auth) {
        Map<String, Expr> entries = new LinkedHashMap<>(((Expr.MapExpr) auth).entries());
        entries.remove("DefaultAuthorizer");
        entries.remove("ApiKeyRequired");
        return new Expr.MapExpr(entries);
    }

    private static Function function(ServerlessApp app, String id) {
        return app.functions().stream().filter(f -> f.logicalId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void restAuthorizersAndAUsagePlanHaveSamsShape() throws Exception {
        ServerlessApp sam = CloudFormationReader.parse("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Authorizer:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: authorizer
                      Runtime: nodejs22.x
                      Handler: index.handler
                      CodeUri: src/
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth:
                        ApiKeyRequired: true
                        UsagePlan:
                          CreateUsagePlan: PER_API
                          UsagePlanName: partners
                          Throttle:
                            RateLimit: 10
                            BurstLimit: 20
                          Quota:
                            Limit: 5000
                            Period: WEEK
                            Offset: 1
                        Authorizers:
                          TokenAuth:
                            FunctionArn: !GetAtt Authorizer.Arn
                            Identity:
                              Header: X-Token
                              ValidationExpression: "^Bearer .+"
                              ReauthorizeEvery: 60
                          RequestAuth:
                            FunctionArn: !GetAtt Authorizer.Arn
                            FunctionPayloadType: REQUEST
                            Identity:
                              Headers:
                                - X-Tenant
                              QueryStrings:
                                - key
                              ReauthorizeEvery: 0
                          Pool:
                            UserPoolArn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc
                            Identity:
                              Header: Authorization
                """);
        ServerlessApp terraform = tf.main(TF_FUNCTIONS + """
                resource "aws_api_gateway_rest_api" "api" {
                  name = "api"
                }

                resource "aws_api_gateway_authorizer" "token" {
                  name                             = "TokenAuth"
                  rest_api_id                      = aws_api_gateway_rest_api.api.id
                  authorizer_uri                   = aws_lambda_function.authorizer.invoke_arn
                  identity_source                  = "method.request.header.X-Token"
                  identity_validation_expression   = "^Bearer .+"
                  authorizer_result_ttl_in_seconds = 60
                }

                resource "aws_api_gateway_authorizer" "request" {
                  name                             = "RequestAuth"
                  rest_api_id                      = aws_api_gateway_rest_api.api.id
                  type                             = "REQUEST"
                  authorizer_uri                   = aws_lambda_function.authorizer.invoke_arn
                  identity_source                  = "method.request.header.X-Tenant, method.request.querystring.key"
                  authorizer_result_ttl_in_seconds = 0
                }

                resource "aws_api_gateway_authorizer" "pool" {
                  name            = "Pool"
                  rest_api_id     = aws_api_gateway_rest_api.api.id
                  type            = "COGNITO_USER_POOLS"
                  provider_arns   = ["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc"]
                  identity_source = "method.request.header.Authorization"
                }

                resource "aws_api_gateway_usage_plan" "partners" {
                  name = "partners"

                  api_stages {
                    api_id = aws_api_gateway_rest_api.api.id
                    stage  = "prod"
                  }

                  throttle_settings {
                    rate_limit  = 10
                    burst_limit = 20
                  }

                  quota_settings {
                    limit  = 5000
                    period = "WEEK"
                    offset = 1
                  }
                }

                resource "aws_api_gateway_api_key" "partner" {
                  name  = "partner"
                  value = "a-key-of-at-least-twenty-characters"
                }

                resource "aws_api_gateway_usage_plan_key" "partner" {
                  key_id        = aws_api_gateway_api_key.partner.id
                  key_type      = "API_KEY"
                  usage_plan_id = aws_api_gateway_usage_plan.partners.id
                }
                """);
        assertThat(auth(terraform, "Api")).isEqualTo(withoutDefaults(auth(sam, "Api")));
        // Authorizers, the plan, its key and the key are read with the API; only the key's value is not carried.
        assertThat(terraform.unsupportedResources()).isEmpty();
        assertThat(terraform.unmappedProperties()).singleElement().satisfies(u -> {
            assertThat(u.resourceId()).isEqualTo("PartnerApiGatewayApiKey");
            assertThat(u.path()).isEqualTo("value");
        });
    }

    @Test
    void httpApiAuthorizersHaveSamsShape() throws Exception {
        ServerlessApp sam = CloudFormationReader.parse("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Authorizer:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: authorizer
                      Runtime: nodejs22.x
                      Handler: index.handler
                      CodeUri: src/
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        DefaultAuthorizer: Users
                        Authorizers:
                          Users:
                            IdentitySource: $request.header.Authorization
                            JwtConfiguration:
                              issuer: https://login.microsoftonline.com/tenant/v2.0
                              audience:
                                - api://shop
                          Lambda:
                            FunctionArn: !GetAtt Authorizer.Arn
                            AuthorizerPayloadFormatVersion: "2.0"
                            EnableSimpleResponses: true
                            Identity:
                              Headers:
                                - Authorization
                              ReauthorizeEvery: 300
                """);
        ServerlessApp terraform = tf.main(TF_FUNCTIONS + """
                resource "aws_apigatewayv2_api" "api" {
                  name          = "api"
                  protocol_type = "HTTP"
                }

                resource "aws_apigatewayv2_authorizer" "users" {
                  name             = "Users"
                  api_id           = aws_apigatewayv2_api.api.id
                  authorizer_type  = "JWT"
                  identity_sources = ["$request.header.Authorization"]

                  jwt_configuration {
                    issuer   = "https://login.microsoftonline.com/tenant/v2.0"
                    audience = ["api://shop"]
                  }
                }

                resource "aws_apigatewayv2_authorizer" "lambda" {
                  name                              = "Lambda"
                  api_id                            = aws_apigatewayv2_api.api.id
                  authorizer_type                   = "REQUEST"
                  authorizer_uri                    = aws_lambda_function.authorizer.invoke_arn
                  authorizer_payload_format_version = "2.0"
                  enable_simple_responses           = true
                  identity_sources                  = ["$request.header.Authorization"]
                  authorizer_result_ttl_in_seconds  = 300
                }
                """);
        assertThat(auth(terraform, "Api")).isEqualTo(withoutDefaults(auth(sam, "Api")));
        assertThat(terraform.unsupportedResources()).isEmpty();
        assertThat(terraform.unmappedProperties()).isEmpty();
    }

    @Test
    void routesNameTheirAuthorizerByItsNameAndItsPermissionIsNoEvent() throws Exception {
        ServerlessApp app = tf.main(TF_FUNCTIONS + """
                resource "aws_apigatewayv2_api" "api" {
                  name          = "api"
                  protocol_type = "HTTP"
                }

                resource "aws_apigatewayv2_authorizer" "lambda" {
                  name                              = "TenantCheck"
                  api_id                            = aws_apigatewayv2_api.api.id
                  authorizer_type                   = "REQUEST"
                  authorizer_uri                    = aws_lambda_function.authorizer.invoke_arn
                  authorizer_payload_format_version = "2.0"
                }

                resource "aws_apigatewayv2_integration" "worker" {
                  api_id           = aws_apigatewayv2_api.api.id
                  integration_type = "AWS_PROXY"
                  integration_uri  = aws_lambda_function.worker.invoke_arn
                }

                resource "aws_apigatewayv2_route" "items" {
                  api_id             = aws_apigatewayv2_api.api.id
                  route_key          = "GET /items"
                  target             = "integrations/${aws_apigatewayv2_integration.worker.id}"
                  authorization_type = "CUSTOM"
                  authorizer_id      = aws_apigatewayv2_authorizer.lambda.id
                }

                resource "aws_lambda_permission" "authorizer" {
                  action        = "lambda:InvokeFunction"
                  function_name = aws_lambda_function.authorizer.function_name
                  principal     = "apigateway.amazonaws.com"
                  source_arn    = "${aws_apigatewayv2_api.api.execution_arn}/authorizers/${aws_apigatewayv2_authorizer.lambda.id}"
                }

                resource "aws_lambda_permission" "stranger" {
                  action        = "lambda:InvokeFunction"
                  function_name = aws_lambda_function.authorizer.function_name
                  principal     = "apigateway.amazonaws.com"
                  source_arn    = "arn:aws:execute-api:eu-west-1:123456789012:other/authorizers/abc"
                }
                """);
        EventSource.Http route = (EventSource.Http) function(app, "Worker").events().get(0);
        assertThat(route.auth()).contains(new HttpAuth(Optional.of(string("CUSTOM")), Optional.of("TenantCheck"),
                Optional.empty(), Optional.empty()));
        assertThat(((Expr.MapExpr) auth(app, "Api")).entries()).containsOnlyKeys("Authorizers");
        // The configuration's own authorizer permission is read with the authorizer; one for an authorizer of an
        // API elsewhere stays a permission to invoke the function.
        assertThat(function(app, "Authorizer").events()).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(EventSource.InvokePermission.class);
            assertThat(e.id()).isEqualTo("Stranger");
        });
    }

    @Test
    void aPlanOfSeveralApisIsSharedAndASecondPlanOfAnApiIsNotCarried() throws Exception {
        ServerlessApp app = tf.main(TF_FUNCTIONS + """
                resource "aws_api_gateway_rest_api" "orders" {
                  name = "orders"
                }

                resource "aws_api_gateway_rest_api" "stock" {
                  name = "stock"
                }

                resource "aws_api_gateway_usage_plan" "partners" {
                  name = "partners"

                  api_stages {
                    api_id = aws_api_gateway_rest_api.orders.id
                    stage  = "prod"
                  }

                  api_stages {
                    api_id = aws_api_gateway_rest_api.stock.id
                    stage  = "prod"
                  }

                  quota_settings {
                    limit  = 100
                    period = "DAY"
                  }
                }

                resource "aws_api_gateway_usage_plan" "gold" {
                  name = "gold"

                  api_stages {
                    api_id = aws_api_gateway_rest_api.orders.id
                    stage  = "prod"
                  }
                }

                resource "aws_api_gateway_authorizer" "lost" {
                  name        = "Lost"
                  rest_api_id = "abc123"
                }
                """);
        Expr shared = new Expr.MapExpr(Map.of("UsagePlan", new Expr.MapExpr(Map.of(
                "CreateUsagePlan", string("SHARED"), "UsagePlanName", string("partners"),
                "Quota", new Expr.MapExpr(Map.of("Limit", new Expr.NumberLiteral(java.math.BigDecimal.valueOf(100)),
                        "Period", string("DAY")))))));
        assertThat(auth(app, "Orders")).isEqualTo(shared);
        assertThat(auth(app, "Stock")).isEqualTo(shared);
        assertThat(app.unsupportedResources()).extracting(UnsupportedResource::logicalId, UnsupportedResource::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Gold", "a second usage plan of Orders; API Management gets"
                                + " one product per API from this conversion: add a product with this plan's limits"
                                + " by hand"),
                        org.assertj.core.groups.Tuple.tuple("Lost", "aws_api_gateway_authorizer that refers to no"
                                + " resource of this configuration"));
    }

    @Test
    void anOpenApiBodysSecuritySchemesAreAuthorizersAndItsOperationsSecurityTheRouteAuth() throws Exception {
        ServerlessApp cfn = CloudFormationReader.parse("template.yaml", """
                Resources:
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: worker
                      Role: arn:aws:iam::123456789012:role/worker
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: api
                      Body:
                        swagger: "2.0"
                        paths:
                          /items:
                            get:
                              security:
                                - Pool: [items/read]
                                - api_key: []
                              x-amazon-apigateway-integration:
                                type: aws_proxy
                                httpMethod: POST
                                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Worker.Arn}/invocations
                        securityDefinitions:
                          Pool:
                            type: apiKey
                            name: Authorization
                            in: header
                            x-amazon-apigateway-authtype: cognito_user_pools
                            x-amazon-apigateway-authorizer:
                              type: cognito_user_pools
                              providerARNs:
                                - arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc
                          api_key:
                            type: apiKey
                            name: x-api-key
                            in: header
                """);
        ServerlessApp terraform = tf.main("""
                resource "aws_lambda_function" "worker" {
                  function_name = "worker"
                  role          = "arn:aws:iam::123456789012:role/worker"
                }

                resource "aws_api_gateway_rest_api" "api" {
                  name = "api"
                  body = jsonencode({
                    swagger = "2.0"
                    paths = {
                      "/items" = {
                        get = {
                          security = [{ Pool = ["items/read"] }, { api_key = [] }]
                          x-amazon-apigateway-integration = {
                            type       = "aws_proxy"
                            httpMethod = "POST"
                            uri        = aws_lambda_function.worker.invoke_arn
                          }
                        }
                      }
                    }
                    securityDefinitions = {
                      Pool = {
                        type                         = "apiKey"
                        name                         = "Authorization"
                        in                           = "header"
                        x-amazon-apigateway-authtype = "cognito_user_pools"
                        x-amazon-apigateway-authorizer = {
                          type         = "cognito_user_pools"
                          providerARNs = ["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc"]
                        }
                      }
                      api_key = {
                        type = "apiKey"
                        name = "x-api-key"
                        in   = "header"
                      }
                    }
                  })
                }
                """);
        Expr pool = new Expr.MapExpr(Map.of("Authorizers", new Expr.MapExpr(Map.of("Pool", new Expr.MapExpr(Map.of(
                "UserPoolArn", string("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc"),
                "Identity", new Expr.MapExpr(Map.of("Header", string("Authorization")))))))));
        assertThat(auth(cfn, "Api")).isEqualTo(pool);
        assertThat(auth(terraform, "Api")).isEqualTo(pool);
        HttpAuth route = new HttpAuth(Optional.of(string("COGNITO_USER_POOLS")), Optional.of("Pool"),
                Optional.of(new Expr.ListExpr(java.util.List.of(string("items/read")))),
                Optional.of(new Expr.BooleanLiteral(true)));
        assertThat(((EventSource.Http) function(cfn, "Worker").events().get(0)).auth()).contains(route);
        assertThat(((EventSource.Http) function(terraform, "Worker").events().get(0)).auth()).contains(route);
    }

    @Test
    void aUserPoolsLambdaTriggersAreCognitoEventsAsInCloudFormation() throws Exception {
        ServerlessApp cfn = CloudFormationReader.parse("template.yaml", """
                Resources:
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: worker
                      Role: arn:aws:iam::123456789012:role/worker
                  Pool:
                    Type: AWS::Cognito::UserPool
                    Properties:
                      LambdaConfig:
                        PreSignUp: !GetAtt Worker.Arn
                        CustomEmailSender:
                          LambdaArn: !GetAtt Worker.Arn
                          LambdaVersion: V1_0
                        KMSKeyID: arn:aws:kms:eu-west-1:123456789012:key/abc
                  PoolPermission:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      FunctionName: !Ref Worker
                      Principal: cognito-idp.amazonaws.com
                      SourceArn: !GetAtt Pool.Arn
                """);
        ServerlessApp terraform = tf.main("""
                resource "aws_lambda_function" "worker" {
                  function_name = "worker"
                  role          = "arn:aws:iam::123456789012:role/worker"
                }

                resource "aws_cognito_user_pool" "pool" {
                  lambda_config {
                    pre_sign_up = aws_lambda_function.worker.arn
                    kms_key_id  = "arn:aws:kms:eu-west-1:123456789012:key/abc"

                    custom_email_sender {
                      lambda_arn     = aws_lambda_function.worker.arn
                      lambda_version = "V1_0"
                    }
                  }
                }

                resource "aws_lambda_permission" "allow_pool" {
                  action        = "lambda:InvokeFunction"
                  function_name = aws_lambda_function.worker.function_name
                  principal     = "cognito-idp.amazonaws.com"
                  source_arn    = aws_cognito_user_pool.pool.arn
                }
                """);
        // The permission that lets the pool call the function is part of the trigger, not an event of its own.
        assertThat(function(cfn, "Worker").events()).hasSize(1);
        assertThat(function(terraform, "Worker").events()).singleElement().satisfies(e -> {
            EventSource.Cognito cognito = (EventSource.Cognito) e;
            assertThat(cognito.origin()).isEqualTo(EventOrigin.SOURCE_RESOURCE);
            assertThat(cognito.userPool()).isEqualTo(new Expr.ResourceRef("Pool"));
            assertThat(cognito.triggers()).containsExactly(string("PreSignUp"), string("CustomEmailSender"));
        });
        assertThat(LocationBlindDiff.of(cfn, terraform, SamTerraformEquivalenceTest.MODEL)).containsOnlyKeys(
                // The KMS key and version of custom senders have no counterpart in either reading.
                "unmappedProperties[Pool LambdaConfig.KMSKeyID]", "unmappedProperties[Pool lambda_config.kms_key_id]",
                "unmappedProperties[Pool LambdaConfig.CustomEmailSender.LambdaVersion]",
                "unmappedProperties[Pool lambda_config.custom_email_sender.lambda_version]");
    }

    @Test
    void aPoolWithoutTriggersOfTheConfigurationIsUnsupported() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_cognito_user_pool" "pool" {
                  name = "users"
                }
                """);
        assertThat(app.unsupportedResources()).extracting(UnsupportedResource::reason).containsExactly(
                "Cognito user pool: no Azure equivalent is generated, and it triggers no function of this"
                        + " configuration");
    }
}

package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.resource.DependencyResource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.lambda2azure.core.expr.Expr.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain CloudFormation declares authorizers, usage plans and API keys as resources of their own; they become the
 * API's auth in the shape SAM's {@code Auth} gives a SAM API, so that the planner treats both alike. Every test
 * compares with the SAM template that declares the same.
 */
class ApiAuthResourcesTest {

    private static final String FUNCTIONS = """
              Authorizer:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs22.x
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code:
                    ZipFile: exports.handler = async () => ({})
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs22.x
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code:
                    ZipFile: exports.handler = async () => ({})
            """;

    private static Expr auth(ServerlessApp app, String api) {
        return app.resources().stream().filter(DependencyResource.Api.class::isInstance)
                .map(DependencyResource.Api.class::cast).filter(a -> a.logicalId().equals(api)).findFirst()
                .orElseThrow().auth().orElseThrow();
    }

    /** SAM's Auth without the API-wide defaults, which plain CloudFormation states on each method instead. */
    private static Expr withoutDefaults(Expr auth) {
        Map<String, Expr> entries = new LinkedHashMap<>(((Expr.MapExpr) auth).entries());
        entries.remove("DefaultAuthorizer");
        entries.remove("ApiKeyRequired");
        return new Expr.MapExpr(entries);
    }

    @Test
    void restAuthorizersAndAUsagePlanHaveSamsShape() throws Exception {
        ServerlessApp sam = CloudFormationReader.parse("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Authorizer:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: nodejs22.x
                      Handler: index.handler
                      InlineCode: exports.handler = async () => ({})
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
                        Authorizers:
                          TokenAuth:
                            FunctionArn: !GetAtt Authorizer.Arn
                            Identity:
                              Header: X-Token
                              ReauthorizeEvery: 60
                          Pool:
                            UserPoolArn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc
                            Identity:
                              Header: Authorization
                """);
        ServerlessApp plain = CloudFormationReader.parse("template.yaml", "Resources:\n" + FUNCTIONS + """
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: api
                  TokenAuthorizer:
                    Type: AWS::ApiGateway::Authorizer
                    Properties:
                      Name: TokenAuth
                      RestApiId: !Ref Api
                      Type: TOKEN
                      AuthorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Authorizer.Arn}/invocations
                      IdentitySource: method.request.header.X-Token
                      AuthorizerResultTtlInSeconds: 60
                  PoolAuthorizer:
                    Type: AWS::ApiGateway::Authorizer
                    Properties:
                      Name: Pool
                      RestApiId: !Ref Api
                      Type: COGNITO_USER_POOLS
                      ProviderARNs:
                        - arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc
                      IdentitySource: method.request.header.Authorization
                  Items:
                    Type: AWS::ApiGateway::Resource
                    Properties:
                      RestApiId: !Ref Api
                      ParentId: !GetAtt Api.RootResourceId
                      PathPart: items
                  GetItems:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Api
                      ResourceId: !Ref Items
                      HttpMethod: GET
                      AuthorizationType: CUSTOM
                      AuthorizerId: !Ref TokenAuthorizer
                      ApiKeyRequired: true
                      Integration:
                        Type: AWS_PROXY
                        IntegrationHttpMethod: POST
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                  AuthorizerPermission:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      FunctionName: !Ref Authorizer
                      Principal: apigateway.amazonaws.com
                      SourceArn: !Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/authorizers/${TokenAuthorizer}
                  Plan:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      UsagePlanName: partners
                      ApiStages:
                        - ApiId: !Ref Api
                          Stage: prod
                      Throttle:
                        RateLimit: 10
                        BurstLimit: 20
                      Quota:
                        Limit: 5000
                        Period: WEEK
                  PlanKey:
                    Type: AWS::ApiGateway::UsagePlanKey
                    Properties:
                      KeyId: !Ref Key
                      KeyType: API_KEY
                      UsagePlanId: !Ref Plan
                  Key:
                    Type: AWS::ApiGateway::ApiKey
                    Properties:
                      Enabled: true
                      Value: a-key-of-at-least-twenty-characters
                """);
        assertThat(auth(plain, "Api")).isEqualTo(withoutDefaults(auth(sam, "Api")));
        // The method names its authorizer as SAM's Auth does; the authorizer's permission is no event.
        EventSource.Http route = (EventSource.Http) plain.function("Fn").orElseThrow().events().get(0);
        assertThat(route.auth()).contains(new HttpAuth(Optional.of(string("CUSTOM")), Optional.of("TokenAuth"),
                Optional.empty(), Optional.of(new Expr.BooleanLiteral(true))));
        assertThat(plain.function("Authorizer").orElseThrow().events()).isEmpty();
        assertThat(plain.unsupportedResources()).isEmpty();
        // (The method's inline integration settings are left unread by the method's reader, as ever.)
        assertThat(plain.unmappedProperties()).filteredOn(u -> !u.resourceId().equals("GetItems"))
                .singleElement().satisfies(u -> {
            assertThat(u.resourceId()).isEqualTo("Key");
            assertThat(u.path()).isEqualTo("Value");
        });
    }

    @Test
    void httpApiJwtAuthorizersHaveSamsShape() throws Exception {
        ServerlessApp sam = CloudFormationReader.parse("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers:
                          Users:
                            IdentitySource: $request.header.Authorization
                            JwtConfiguration:
                              issuer: https://login.microsoftonline.com/tenant/v2.0
                              audience:
                                - api://shop
                """);
        ServerlessApp plain = CloudFormationReader.parse("template.yaml", "Resources:\n" + FUNCTIONS + """
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Name: api
                      ProtocolType: HTTP
                  Users:
                    Type: AWS::ApiGatewayV2::Authorizer
                    Properties:
                      Name: Users
                      ApiId: !Ref Api
                      AuthorizerType: JWT
                      IdentitySource:
                        - $request.header.Authorization
                      JwtConfiguration:
                        Issuer: https://login.microsoftonline.com/tenant/v2.0
                        Audience:
                          - api://shop
                """);
        assertThat(auth(plain, "Api")).isEqualTo(auth(sam, "Api"));
        assertThat(plain.unmappedProperties()).isEmpty();
    }

    @Test
    void authorizersAndPlansOfNoApiOfTheTemplateAreUnsupported() throws Exception {
        ServerlessApp plain = CloudFormationReader.parse("template.yaml", "Resources:\n" + FUNCTIONS + """
                  Lost:
                    Type: AWS::ApiGateway::Authorizer
                    Properties:
                      Name: Lost
                      RestApiId: abc123
                      Type: TOKEN
                  Plan:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages:
                        - ApiId: abc123
                          Stage: prod
                  Key:
                    Type: AWS::ApiGateway::ApiKey
                    Properties:
                      Enabled: true
                """);
        assertThat(plain.unsupportedResources()).extracting(UnsupportedResource::logicalId,
                UnsupportedResource::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Lost", "authorizer of no API of this template"),
                org.assertj.core.groups.Tuple.tuple("Plan", "usage plan of no API of this template"),
                org.assertj.core.groups.Tuple.tuple("Key", "API key of no usage plan read from this template"));
    }
}

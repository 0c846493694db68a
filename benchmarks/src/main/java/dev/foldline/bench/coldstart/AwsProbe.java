package dev.foldline.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import dev.foldline.aws.CommandFunction;
import dev.foldline.aws.dynamodb.DynamoDbClients;
import dev.foldline.aws.dynamodb.StoreItem;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One cold start on AWS, run on the Lambda artifact alone: {@code function} builds
 * {@link CommandFunction} from the environment as Lambda does on an on-demand start (which does not
 * prime) and hands it an API Gateway event with the JWT authorizer's claims; {@code bare} builds
 * the DynamoDB client the same way ({@link DynamoDbClients}) and sends one PutItem.
 */
public final class AwsProbe {

    private AwsProbe() {
    }

    public static void main(String[] args) {
        Probe probe = Probe.start("aws", args);
        if (probe.function()) {
            CommandFunction function = new CommandFunction();
            probe.built();
            probe.answered(function.handleRequest(command(), null).getStatusCode());
        } else {
            Map<String, String> env = System.getenv();
            DynamoDbClient client = DynamoDbClients.fromEnvironment(env);
            probe.built();
            client.putItem(put -> put.tableName(env.get("FOLDLINE_TABLE")).item(Map.of(
                    StoreItem.PK, AttributeValue.fromS("bare#" + UUID.randomUUID()),
                    StoreItem.SK, AttributeValue.fromS("0"),
                    "body", AttributeValue.fromS(Probe.COMMAND_BODY))));
            probe.answered(200);
        }
    }

    static APIGatewayV2HTTPEvent command() {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(Probe.COMMAND_PATH)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(Probe.COMMAND_BODY)
                .withRequestContext(RequestContext.builder()
                        .withStage("$default")
                        .withHttp(RequestContext.Http.builder().withMethod("POST").withPath(Probe.COMMAND_PATH).build())
                        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of("tenant", Probe.TENANT, "sub", "probe")).build()).build())
                        .build())
                .build();
    }
}

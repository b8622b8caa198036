package io.lambda2azure.emitters.terraform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TfNamesTest {

    @Test
    void camelAndPascalCaseBecomeSnakeCase() {
        assertThat(TfNames.snake("dbPassword")).isEqualTo("db_password");
        assertThat(TfNames.snake("apiURLKey")).isEqualTo("api_url_key");
        assertThat(TfNames.snake("OrdersFunction")).isEqualTo("orders_function");
        assertThat(TfNames.snake("outCONNECTION_STRING")).isEqualTo("out_connection_string");
        assertThat(TfNames.snake("s3Bucket2Name")).isEqualTo("s3_bucket2_name");
        assertThat(TfNames.snake("already_snake")).isEqualTo("already_snake");
        assertThat(TfNames.snake("with-dash.and space")).isEqualTo("with_dash_and_space");
        assertThat(TfNames.snake("3rdParty")).isEqualTo("_3rd_party");
        assertThat(TfNames.snake("__")).isEqualTo("_");
    }

    @Test
    void namesStayUniqueWithinANamespace() {
        TfNames names = new TfNames();
        names.reserve("resource_group_name");
        assertThat(names.allocate("fooBar")).isEqualTo("foo_bar");
        assertThat(names.allocate("foo_bar")).isEqualTo("foo_bar_2");
        assertThat(names.allocate("FooBar")).isEqualTo("foo_bar_3");
        assertThat(names.allocate("resourceGroupName")).isEqualTo("resource_group_name_2");
    }

    @Test
    void reservedVariableNamesGetASuffix() {
        TfNames names = new TfNames(TfNames.RESERVED_VARIABLES);
        assertThat(names.allocate("version")).isEqualTo("version_value");
        assertThat(names.allocate("count")).isEqualTo("count_value");
        assertThat(names.allocate("Source")).isEqualTo("source_value");
        assertThat(names.allocate("versions")).isEqualTo("versions");
    }
}

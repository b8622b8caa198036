package io.lambda2azure.emitters.common;

import io.lambda2azure.core.azure.AzureResource.CosmosSqlRoleAssignment;
import io.lambda2azure.core.azure.Value;

import java.util.List;

/**
 * The paths inside a Cosmos DB account that its data-plane role assignments use, the same in both emitters: the
 * role definition {@code <account id>/sqlRoleDefinitions/<role id>} and the scope, the account id or
 * {@code <account id>/dbs/<database name>} ("Configure role-based access control with Microsoft Entra ID",
 * learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac).
 */
public final class CosmosPaths {

    private CosmosPaths() {
    }

    public static Value roleDefinitionId(CosmosSqlRoleAssignment a) {
        return new Value.Interpolation(List.of(Value.ref(a.account(), Value.Attribute.ID),
                Value.text("/sqlRoleDefinitions/" + a.role().id())));
    }

    public static Value scope(CosmosSqlRoleAssignment a) {
        Value account = Value.ref(a.account(), Value.Attribute.ID);
        return a.database()
                .<Value>map(db -> new Value.Interpolation(List.of(account, Value.text("/dbs/"),
                        Value.ref(db, Value.Attribute.NAME))))
                .orElse(account);
    }
}

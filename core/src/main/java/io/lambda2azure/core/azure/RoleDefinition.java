package io.lambda2azure.core.azure;

import java.util.Objects;

/**
 * An Azure built-in role.
 *
 * @param name the role's name as Azure shows it ({@code Storage Blob Data Owner})
 * @param id   the role definition's GUID, the same in every tenant
 */
public record RoleDefinition(String name, String id) {

    public RoleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("not a role definition GUID: " + id);
        }
    }
}

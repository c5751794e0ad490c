package io.intelsync.sandbox.defender;

/**
 * A device group (RBAC machine group) of the emulated tenant.
 *
 * @param rbacGroupId the numeric group id
 * @param rbacGroupName the group name, which indicators name in {@code rbacGroupNames}
 */
public record MachineGroup(int rbacGroupId, String rbacGroupName) {
}

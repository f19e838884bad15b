package statelab.localaws.iam;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import statelab.localaws.store.JsonFileStore;

/**
 * IAM's state: roles by name, customer managed policies by ARN, one JSON file each under the data folder.
 * Every change goes through one lock, so read-check-write sequences (create, attach, delete) are atomic.
 */
final class IamStore {
    private final JsonFileStore<IamRole> roles;
    private final JsonFileStore<ManagedPolicy> policies;
    private final Object lock = new Object();

    IamStore(Path folder) {
        this.roles = new JsonFileStore<>(folder.resolve("roles"), IamRole.class);
        this.policies = new JsonFileStore<>(folder.resolve("policies"), ManagedPolicy.class);
    }

    Object lock() {
        return lock;
    }

    Optional<IamRole> role(String name) {
        return roles.read(name);
    }

    IamRole requireRole(String name) {
        return role(name).orElseThrow(() -> IamErrors.noSuchEntity("The role with name " + name + " cannot be found."));
    }

    List<IamRole> roles() {
        return roles.readAll();
    }

    void saveRole(IamRole role) {
        roles.write(role.roleName(), role);
    }

    void deleteRole(String name) {
        roles.delete(name);
    }

    /** Applies a change to a role under the lock and stores it. */
    IamRole updateRole(String name, UnaryOperator<IamRole> change) {
        synchronized (lock) {
            IamRole updated = change.apply(requireRole(name));
            saveRole(updated);
            return updated;
        }
    }

    Optional<ManagedPolicy> policy(String arn) {
        return policies.read(arn);
    }

    ManagedPolicy requirePolicy(String arn) {
        return policy(arn).orElseThrow(() -> IamErrors.noSuchEntity("Policy " + arn + " was not found."));
    }

    List<ManagedPolicy> policies() {
        return policies.readAll();
    }

    void savePolicy(ManagedPolicy policy) {
        policies.write(policy.arn(), policy);
    }

    void deletePolicy(String arn) {
        policies.delete(arn);
    }

    /** How many roles have this policy attached (AWS reports it as AttachmentCount). */
    int attachmentCount(String policyArn) {
        return (int) roles().stream().filter(role -> role.attachedPolicyArns().contains(policyArn)).count();
    }
}

package statelab.localaws.esm.model;

/** The states AWS reports for an event source mapping, spelled as AWS spells them. */
public enum MappingState {
    Creating, Enabling, Enabled, Disabling, Disabled, Updating, Deleting;

    /** True while a change is being applied: another Update (or a Delete) must wait (ResourceInUseException). */
    public boolean isTransitional() {
        return this == Creating || this == Enabling || this == Disabling || this == Updating || this == Deleting;
    }
}

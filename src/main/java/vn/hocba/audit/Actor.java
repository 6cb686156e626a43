package vn.hocba.audit;

/** Who made a change: account name, the role they acted in, and the client's address (if a request). */
public record Actor(String username, String role, String clientAddress) {

    /** Changes made by the system itself (a process step, the demo loader). */
    public static Actor system(String what) {
        return new Actor("system:" + what, null, null);
    }
}

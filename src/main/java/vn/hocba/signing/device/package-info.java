/**
 * Signing on the person's own device (issue 16): the server prepares a batch, the person's device
 * (USB token through the local signing agent, or a remote signing service approved on the phone)
 * signs the data, the server embeds and validates. A {@link vn.hocba.signing.device.DeviceSession}
 * is one such batch; {@link vn.hocba.signing.device.DeviceSessions#run} runs a signing step of
 * {@link vn.hocba.signing.ClassSigning} with the person's registered certificate in place of a
 * server-side key, so order, resumption, records and audit are those of every other signature.
 */
@org.springframework.modulith.NamedInterface("device")
package vn.hocba.signing.device;

/**
 * The seams between local-aws's services: what one service offers another without knowing its insides.
 * IAM offers {@link statelab.localaws.spi.RoleDirectory} (Lambda checks roles), CloudWatch Logs offers
 * {@link statelab.localaws.spi.LogWriter} (functions' output), Lambda offers
 * {@link statelab.localaws.spi.FunctionDirectory} and {@link statelab.localaws.spi.FunctionInvoker} (the event
 * source mappings), the emulator supervisor offers {@link statelab.localaws.spi.EmulatorEndpoints}.
 */
package statelab.localaws.spi;

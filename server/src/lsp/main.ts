/** Entry point of the language server process (stdio with --stdio, Node IPC with --node-ipc). */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./connection";

const connection = createConnection(ProposedFeatures.all);

// A bug in one handler must not take the server down: log it and keep serving.
process.on("uncaughtException", (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));
process.on("unhandledRejection", (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

startServer(connection);

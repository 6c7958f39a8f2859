export { startGateway, type GatewayOptions, type RunningGateway } from './gateway-server';
export { composeSupergraph, readServiceSdl, CompositionError, SERVICE_NAMES, type SubgraphLocation } from './compose';
export { DEFAULT_LIMITS, limitsFromEnv, type RequestLimits } from './limits';
export { gatewayEnv, gatewayOptionsFromEnv, limitsEnv, type GatewayEnv } from './config';

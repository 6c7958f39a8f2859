import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * The platform's own copy of its outer contract (contract/ at the repository's root); a test keeps
 * it equal to the steering copy where that is laid beside the repository.
 */
export const CONTRACT_FILE = join(__dirname, '..', '..', '..', 'contract', 'portal.graphql');

let cached: Map<string, string> | undefined;

/** Every operation of portal.graphql by name, as text ready to send. */
export function contractOperations(): Map<string, string> {
  if (!cached) {
    if (!existsSync(CONTRACT_FILE)) throw new Error(`The contract is missing: expected ${CONTRACT_FILE}`);
    const doc: DocumentNode = parse(readFileSync(CONTRACT_FILE, 'utf8'));
    cached = new Map(
      doc.definitions
        .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((op) => [op.name!.value, print(op)]),
    );
  }
  return cached;
}

export function contractOperation(name: string): string {
  const text = contractOperations().get(name);
  if (!text) throw new Error(`No operation ${name} in the contract`);
  return text;
}

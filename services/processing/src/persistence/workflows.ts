import type { EntityManager } from 'typeorm';
import { defaultWorkflow, type WorkflowStep, type WorkflowTemplate } from '../domain/workflow';
import { WorkflowTemplateRow } from './entities/workflow-template.entity';

/** The latest version of a procedure's template, or the default one (version 0) if none was defined. */
export async function currentWorkflow(
  manager: EntityManager,
  procedureCode: string,
): Promise<WorkflowTemplate & { definedAt?: Date }> {
  const row = await manager.findOne(WorkflowTemplateRow, { where: { procedureCode }, order: { version: 'DESC' } });
  return row
    ? { procedureCode, version: row.version, steps: row.steps, definedAt: row.definedAt }
    : defaultWorkflow(procedureCode);
}

/**
 * A new version of the template. Versions of one procedure are numbered from 1 without gaps; a
 * concurrent definition of the same procedure collides on (procedure_code, version) and is
 * answered CONFLICT by the caller.
 */
export async function defineWorkflowVersion(
  manager: EntityManager,
  procedureCode: string,
  steps: WorkflowStep[],
  definedBy: string,
  at: Date,
) {
  const [{ max }] = await manager.query(
    `SELECT coalesce(max(version), 0) AS max FROM workflow_template WHERE procedure_code = $1`,
    [procedureCode],
  );
  const version = Number(max) + 1;
  await manager.insert(WorkflowTemplateRow, { procedureCode, version, steps, definedAt: at, definedBy });
  return { procedureCode, version, steps, definedAt: at };
}

/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AwaitingAcceptance($centreId: ID) {\n    awaitingAcceptance(centreId: $centreId) {\n      id code submittedAt status\n      procedure { code name }\n      applicant { fullName identityNumber }\n    }\n  }\n": typeof types.AwaitingAcceptanceDocument,
    "\n  mutation AcceptOnline($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id code status nationalStatusCode dueAt } }\n": typeof types.AcceptOnlineDocument,
    "\n  mutation RefuseAtCounter($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }\n": typeof types.RefuseAtCounterDocument,
    "\n  query CounterData {\n    centres { id code name }\n  }\n": typeof types.CounterDataDocument,
    "\n  query CentreProcedures($centreId: ID) {\n    procedures(centreId: $centreId) {\n      id code name sector feeVnd\n      processingTime { amount unit }\n      components { code name required documentType }\n    }\n  }\n": typeof types.CentreProceduresDocument,
    "\n  query ApplicantLookup($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id kind identityNumber fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil reuseCount digitisedAt { id code name } }\n    }\n  }\n": typeof types.ApplicantLookupDocument,
    "\n  mutation SubmitAtCounter($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode receivedAt dueAt receiptUrl\n      procedure { code name }\n      components { componentCode reused }\n    }\n  }\n": typeof types.SubmitAtCounterDocument,
    "\n  mutation RefuseWalkIn($input: RefuseAtCounterInput!) {\n    refuseAtCounter(input: $input) { id code status nationalStatusCode submittedAt procedure { code name } applicant { fullName } }\n  }\n": typeof types.RefuseWalkInDocument,
    "\n  query DashCentres { centres { id code name level parent { id } } }\n": typeof types.DashCentresDocument,
    "\n  query DashReport($input: ReportInput!) {\n    report(input: $input) {\n      from to groupBy\n      rows {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n      total {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n    }\n  }\n": typeof types.DashReportDocument,
    "\n  query DashTrend($input: ReportInput!) {\n    report(input: $input) { rows { key label received resolved resolvedLate inProgressOverdue } }\n  }\n": typeof types.DashTrendDocument,
    "\n  query DashTraffic($centreId: ID!, $from: Date!, $to: Date!, $includeDescendants: Boolean) {\n    dailyTraffic(centreId: $centreId, from: $from, to: $to, includeDescendants: $includeDescendants) {\n      workingDays\n      busiestHours { hour received }\n      weekdayHours { weekday hour received atCounter averagePerDay }\n    }\n  }\n": typeof types.DashTrafficDocument,
    "\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      workflow { steps { code name role } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n": typeof types.DossierPageDocument,
    "query TransferCentres { centres { id code name } }": typeof types.TransferCentresDocument,
    "mutation CompleteFromPage($dossierId: ID!, $note: String) { completeStep(dossierId: $dossierId, note: $note) { id status nationalStatusCode currentStep { code role } } }": typeof types.CompleteFromPageDocument,
    "mutation SupplementFromPage($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) { requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status } }": typeof types.SupplementFromPageDocument,
    "mutation TransferFromPage($dossierId: ID!, $toCentreId: ID!, $reason: String!) { transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status } }": typeof types.TransferFromPageDocument,
    "mutation StopFromPage($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status } }": typeof types.StopFromPageDocument,
    "mutation DecideFromPage($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt } }": typeof types.DecideFromPageDocument,
    "mutation ApologyFromPage($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt } }": typeof types.ApologyFromPageDocument,
    "mutation AcceptFromPage($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id status } }": typeof types.AcceptFromPageDocument,
    "mutation RefuseFromPage($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status } }": typeof types.RefuseFromPageDocument,
    "mutation PickupFromPage($dossierId: ID!, $collector: CollectorInput!) { confirmPickup(dossierId: $dossierId, collector: $collector) { id status } }": typeof types.PickupFromPageDocument,
    "query FrontPageCatalogue { procedures { id code name sector feeVnd processingTime { amount unit } } }": typeof types.FrontPageCatalogueDocument,
    "\n  query OfficerInbox($first: Int, $offset: Int) {\n    inbox(first: $first, offset: $offset) {\n      id code status dueAt receivedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      currentStep { code name role dueAt }\n      sla { state remainingWorkingHours }\n    }\n  }\n": typeof types.OfficerInboxDocument,
    "\n  query MyDossiers {\n    myDossiers {\n      id code status nationalStatusCode channel submittedAt receivedAt dueAt resolvedAt\n      procedure { code name components { code name required documentType } }\n      receivingCentre { id code name }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes } }\n      decision\n      result { id title fileName }\n      delivery { method status downloadUrl trackingNumber rating { overall comment ratedAt } }\n      outcome\n    }\n  }\n": typeof types.MyDossiersDocument,
    "\n  query MyRecords($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id\n      records { id documentType title sizeBytes mimeType validUntil reuseCount createdAt digitisedAt { id code name } sourceDossier { id code } }\n    }\n    centres { id code name }\n  }\n": typeof types.MyRecordsDocument,
    "\n  query MyRecordAccessLog($recordId: ID!) {\n    recordAccessLog(recordId: $recordId) { readerId readerName readerRole readerCentre purpose at dossier { id code } }\n  }\n": typeof types.MyRecordAccessLogDocument,
    "\n  mutation SupplementOnline($dossierId: ID!, $documents: [DocumentInput!]!) {\n    submitSupplement(dossierId: $dossierId, documents: $documents) { id status nationalStatusCode dueAt }\n  }\n": typeof types.SupplementOnlineDocument,
    "\n  mutation RateOnline($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateService(dossierId: $dossierId, rating: $rating) { dossierId overall comment ratedAt }\n  }\n": typeof types.RateOnlineDocument,
    "\n  query OnlineCatalogue {\n    centres { id code name level parent { id } }\n    procedures { id code name sector levels feeVnd processingTime { amount unit } components { code name required documentType } }\n  }\n": typeof types.OnlineCatalogueDocument,
    "\n  query OnlineApplicant($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil digitisedAt { id code name } }\n    }\n  }\n": typeof types.OnlineApplicantDocument,
    "\n  mutation SubmitOnline($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode submittedAt\n      procedure { code name }\n      receivingCentre { id name }\n    }\n  }\n": typeof types.SubmitOnlineDocument,
    "\n  query PublicProcedure {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required } }\n    centres { id code name level }\n  }\n": typeof types.PublicProcedureDocument,
    "\n  query ReturnsDesk($queue: ReturnsQueue!, $first: Int, $offset: Int) {\n    returnsDesk(queue: $queue, first: $first, offset: $offset) {\n      id code resolvedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      delivery { method status trackingNumber readyAt counterFallback postalEvents { status at note } }\n    }\n  }\n": typeof types.ReturnsDeskDocument,
    "\n  mutation HandOver($dossierId: ID!, $collector: CollectorInput!) {\n    confirmPickup(dossierId: $dossierId, collector: $collector) { id status nationalStatusCode delivery { method status collectedBy { fullName } } }\n  }\n": typeof types.HandOverDocument,
    "\n  mutation RateAtCounter($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateAtCounter(dossierId: $dossierId, rating: $rating) { dossierId overall takenAtCounter recordedBy }\n  }\n": typeof types.RateAtCounterDocument,
    "\n  query PublicTrack($code: String!, $verifier: String!) {\n    trackDossier(code: $code, verifier: $verifier) { id code status nationalStatusCode procedureName receivedAt dueAt deliveryStatus }\n  }\n": typeof types.PublicTrackDocument,
};
const documents: Documents = {
    "\n  query AwaitingAcceptance($centreId: ID) {\n    awaitingAcceptance(centreId: $centreId) {\n      id code submittedAt status\n      procedure { code name }\n      applicant { fullName identityNumber }\n    }\n  }\n": types.AwaitingAcceptanceDocument,
    "\n  mutation AcceptOnline($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id code status nationalStatusCode dueAt } }\n": types.AcceptOnlineDocument,
    "\n  mutation RefuseAtCounter($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }\n": types.RefuseAtCounterDocument,
    "\n  query CounterData {\n    centres { id code name }\n  }\n": types.CounterDataDocument,
    "\n  query CentreProcedures($centreId: ID) {\n    procedures(centreId: $centreId) {\n      id code name sector feeVnd\n      processingTime { amount unit }\n      components { code name required documentType }\n    }\n  }\n": types.CentreProceduresDocument,
    "\n  query ApplicantLookup($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id kind identityNumber fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil reuseCount digitisedAt { id code name } }\n    }\n  }\n": types.ApplicantLookupDocument,
    "\n  mutation SubmitAtCounter($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode receivedAt dueAt receiptUrl\n      procedure { code name }\n      components { componentCode reused }\n    }\n  }\n": types.SubmitAtCounterDocument,
    "\n  mutation RefuseWalkIn($input: RefuseAtCounterInput!) {\n    refuseAtCounter(input: $input) { id code status nationalStatusCode submittedAt procedure { code name } applicant { fullName } }\n  }\n": types.RefuseWalkInDocument,
    "\n  query DashCentres { centres { id code name level parent { id } } }\n": types.DashCentresDocument,
    "\n  query DashReport($input: ReportInput!) {\n    report(input: $input) {\n      from to groupBy\n      rows {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n      total {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n    }\n  }\n": types.DashReportDocument,
    "\n  query DashTrend($input: ReportInput!) {\n    report(input: $input) { rows { key label received resolved resolvedLate inProgressOverdue } }\n  }\n": types.DashTrendDocument,
    "\n  query DashTraffic($centreId: ID!, $from: Date!, $to: Date!, $includeDescendants: Boolean) {\n    dailyTraffic(centreId: $centreId, from: $from, to: $to, includeDescendants: $includeDescendants) {\n      workingDays\n      busiestHours { hour received }\n      weekdayHours { weekday hour received atCounter averagePerDay }\n    }\n  }\n": types.DashTrafficDocument,
    "\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      workflow { steps { code name role } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n": types.DossierPageDocument,
    "query TransferCentres { centres { id code name } }": types.TransferCentresDocument,
    "mutation CompleteFromPage($dossierId: ID!, $note: String) { completeStep(dossierId: $dossierId, note: $note) { id status nationalStatusCode currentStep { code role } } }": types.CompleteFromPageDocument,
    "mutation SupplementFromPage($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) { requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status } }": types.SupplementFromPageDocument,
    "mutation TransferFromPage($dossierId: ID!, $toCentreId: ID!, $reason: String!) { transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status } }": types.TransferFromPageDocument,
    "mutation StopFromPage($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status } }": types.StopFromPageDocument,
    "mutation DecideFromPage($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt } }": types.DecideFromPageDocument,
    "mutation ApologyFromPage($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt } }": types.ApologyFromPageDocument,
    "mutation AcceptFromPage($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id status } }": types.AcceptFromPageDocument,
    "mutation RefuseFromPage($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status } }": types.RefuseFromPageDocument,
    "mutation PickupFromPage($dossierId: ID!, $collector: CollectorInput!) { confirmPickup(dossierId: $dossierId, collector: $collector) { id status } }": types.PickupFromPageDocument,
    "query FrontPageCatalogue { procedures { id code name sector feeVnd processingTime { amount unit } } }": types.FrontPageCatalogueDocument,
    "\n  query OfficerInbox($first: Int, $offset: Int) {\n    inbox(first: $first, offset: $offset) {\n      id code status dueAt receivedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      currentStep { code name role dueAt }\n      sla { state remainingWorkingHours }\n    }\n  }\n": types.OfficerInboxDocument,
    "\n  query MyDossiers {\n    myDossiers {\n      id code status nationalStatusCode channel submittedAt receivedAt dueAt resolvedAt\n      procedure { code name components { code name required documentType } }\n      receivingCentre { id code name }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes } }\n      decision\n      result { id title fileName }\n      delivery { method status downloadUrl trackingNumber rating { overall comment ratedAt } }\n      outcome\n    }\n  }\n": types.MyDossiersDocument,
    "\n  query MyRecords($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id\n      records { id documentType title sizeBytes mimeType validUntil reuseCount createdAt digitisedAt { id code name } sourceDossier { id code } }\n    }\n    centres { id code name }\n  }\n": types.MyRecordsDocument,
    "\n  query MyRecordAccessLog($recordId: ID!) {\n    recordAccessLog(recordId: $recordId) { readerId readerName readerRole readerCentre purpose at dossier { id code } }\n  }\n": types.MyRecordAccessLogDocument,
    "\n  mutation SupplementOnline($dossierId: ID!, $documents: [DocumentInput!]!) {\n    submitSupplement(dossierId: $dossierId, documents: $documents) { id status nationalStatusCode dueAt }\n  }\n": types.SupplementOnlineDocument,
    "\n  mutation RateOnline($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateService(dossierId: $dossierId, rating: $rating) { dossierId overall comment ratedAt }\n  }\n": types.RateOnlineDocument,
    "\n  query OnlineCatalogue {\n    centres { id code name level parent { id } }\n    procedures { id code name sector levels feeVnd processingTime { amount unit } components { code name required documentType } }\n  }\n": types.OnlineCatalogueDocument,
    "\n  query OnlineApplicant($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil digitisedAt { id code name } }\n    }\n  }\n": types.OnlineApplicantDocument,
    "\n  mutation SubmitOnline($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode submittedAt\n      procedure { code name }\n      receivingCentre { id name }\n    }\n  }\n": types.SubmitOnlineDocument,
    "\n  query PublicProcedure {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required } }\n    centres { id code name level }\n  }\n": types.PublicProcedureDocument,
    "\n  query ReturnsDesk($queue: ReturnsQueue!, $first: Int, $offset: Int) {\n    returnsDesk(queue: $queue, first: $first, offset: $offset) {\n      id code resolvedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      delivery { method status trackingNumber readyAt counterFallback postalEvents { status at note } }\n    }\n  }\n": types.ReturnsDeskDocument,
    "\n  mutation HandOver($dossierId: ID!, $collector: CollectorInput!) {\n    confirmPickup(dossierId: $dossierId, collector: $collector) { id status nationalStatusCode delivery { method status collectedBy { fullName } } }\n  }\n": types.HandOverDocument,
    "\n  mutation RateAtCounter($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateAtCounter(dossierId: $dossierId, rating: $rating) { dossierId overall takenAtCounter recordedBy }\n  }\n": types.RateAtCounterDocument,
    "\n  query PublicTrack($code: String!, $verifier: String!) {\n    trackDossier(code: $code, verifier: $verifier) { id code status nationalStatusCode procedureName receivedAt dueAt deliveryStatus }\n  }\n": types.PublicTrackDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwaitingAcceptance($centreId: ID) {\n    awaitingAcceptance(centreId: $centreId) {\n      id code submittedAt status\n      procedure { code name }\n      applicant { fullName identityNumber }\n    }\n  }\n"): (typeof documents)["\n  query AwaitingAcceptance($centreId: ID) {\n    awaitingAcceptance(centreId: $centreId) {\n      id code submittedAt status\n      procedure { code name }\n      applicant { fullName identityNumber }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptOnline($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id code status nationalStatusCode dueAt } }\n"): (typeof documents)["\n  mutation AcceptOnline($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id code status nationalStatusCode dueAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefuseAtCounter($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }\n"): (typeof documents)["\n  mutation RefuseAtCounter($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status nationalStatusCode } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterData {\n    centres { id code name }\n  }\n"): (typeof documents)["\n  query CounterData {\n    centres { id code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CentreProcedures($centreId: ID) {\n    procedures(centreId: $centreId) {\n      id code name sector feeVnd\n      processingTime { amount unit }\n      components { code name required documentType }\n    }\n  }\n"): (typeof documents)["\n  query CentreProcedures($centreId: ID) {\n    procedures(centreId: $centreId) {\n      id code name sector feeVnd\n      processingTime { amount unit }\n      components { code name required documentType }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicantLookup($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id kind identityNumber fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil reuseCount digitisedAt { id code name } }\n    }\n  }\n"): (typeof documents)["\n  query ApplicantLookup($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id kind identityNumber fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil reuseCount digitisedAt { id code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAtCounter($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode receivedAt dueAt receiptUrl\n      procedure { code name }\n      components { componentCode reused }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitAtCounter($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode receivedAt dueAt receiptUrl\n      procedure { code name }\n      components { componentCode reused }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefuseWalkIn($input: RefuseAtCounterInput!) {\n    refuseAtCounter(input: $input) { id code status nationalStatusCode submittedAt procedure { code name } applicant { fullName } }\n  }\n"): (typeof documents)["\n  mutation RefuseWalkIn($input: RefuseAtCounterInput!) {\n    refuseAtCounter(input: $input) { id code status nationalStatusCode submittedAt procedure { code name } applicant { fullName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashCentres { centres { id code name level parent { id } } }\n"): (typeof documents)["\n  query DashCentres { centres { id code name level parent { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashReport($input: ReportInput!) {\n    report(input: $input) {\n      from to groupBy\n      rows {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n      total {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashReport($input: ReportInput!) {\n    report(input: $input) {\n      from to groupBy\n      rows {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n      total {\n        key label received receivedOnline receivedOffline carriedOver resolved resolvedEarly resolvedOnTime resolvedLate closedUnresolved\n        inProgress inProgressNotDue inProgressOverdue onTimeRate averageProcessingDays ratings satisfactionRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashTrend($input: ReportInput!) {\n    report(input: $input) { rows { key label received resolved resolvedLate inProgressOverdue } }\n  }\n"): (typeof documents)["\n  query DashTrend($input: ReportInput!) {\n    report(input: $input) { rows { key label received resolved resolvedLate inProgressOverdue } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashTraffic($centreId: ID!, $from: Date!, $to: Date!, $includeDescendants: Boolean) {\n    dailyTraffic(centreId: $centreId, from: $from, to: $to, includeDescendants: $includeDescendants) {\n      workingDays\n      busiestHours { hour received }\n      weekdayHours { weekday hour received atCounter averagePerDay }\n    }\n  }\n"): (typeof documents)["\n  query DashTraffic($centreId: ID!, $from: Date!, $to: Date!, $includeDescendants: Boolean) {\n    dailyTraffic(centreId: $centreId, from: $from, to: $to, includeDescendants: $includeDescendants) {\n      workingDays\n      busiestHours { hour received }\n      weekdayHours { weekday hour received atCounter averagePerDay }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      workflow { steps { code name role } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n"): (typeof documents)["\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      workflow { steps { code name role } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TransferCentres { centres { id code name } }"): (typeof documents)["query TransferCentres { centres { id code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteFromPage($dossierId: ID!, $note: String) { completeStep(dossierId: $dossierId, note: $note) { id status nationalStatusCode currentStep { code role } } }"): (typeof documents)["mutation CompleteFromPage($dossierId: ID!, $note: String) { completeStep(dossierId: $dossierId, note: $note) { id status nationalStatusCode currentStep { code role } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SupplementFromPage($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) { requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status } }"): (typeof documents)["mutation SupplementFromPage($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) { requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TransferFromPage($dossierId: ID!, $toCentreId: ID!, $reason: String!) { transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status } }"): (typeof documents)["mutation TransferFromPage($dossierId: ID!, $toCentreId: ID!, $reason: String!) { transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StopFromPage($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status } }"): (typeof documents)["mutation StopFromPage($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideFromPage($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt } }"): (typeof documents)["mutation DecideFromPage($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApologyFromPage($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt } }"): (typeof documents)["mutation ApologyFromPage($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptFromPage($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id status } }"): (typeof documents)["mutation AcceptFromPage($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefuseFromPage($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status } }"): (typeof documents)["mutation RefuseFromPage($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PickupFromPage($dossierId: ID!, $collector: CollectorInput!) { confirmPickup(dossierId: $dossierId, collector: $collector) { id status } }"): (typeof documents)["mutation PickupFromPage($dossierId: ID!, $collector: CollectorInput!) { confirmPickup(dossierId: $dossierId, collector: $collector) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FrontPageCatalogue { procedures { id code name sector feeVnd processingTime { amount unit } } }"): (typeof documents)["query FrontPageCatalogue { procedures { id code name sector feeVnd processingTime { amount unit } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficerInbox($first: Int, $offset: Int) {\n    inbox(first: $first, offset: $offset) {\n      id code status dueAt receivedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      currentStep { code name role dueAt }\n      sla { state remainingWorkingHours }\n    }\n  }\n"): (typeof documents)["\n  query OfficerInbox($first: Int, $offset: Int) {\n    inbox(first: $first, offset: $offset) {\n      id code status dueAt receivedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      currentStep { code name role dueAt }\n      sla { state remainingWorkingHours }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDossiers {\n    myDossiers {\n      id code status nationalStatusCode channel submittedAt receivedAt dueAt resolvedAt\n      procedure { code name components { code name required documentType } }\n      receivingCentre { id code name }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes } }\n      decision\n      result { id title fileName }\n      delivery { method status downloadUrl trackingNumber rating { overall comment ratedAt } }\n      outcome\n    }\n  }\n"): (typeof documents)["\n  query MyDossiers {\n    myDossiers {\n      id code status nationalStatusCode channel submittedAt receivedAt dueAt resolvedAt\n      procedure { code name components { code name required documentType } }\n      receivingCentre { id code name }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes } }\n      decision\n      result { id title fileName }\n      delivery { method status downloadUrl trackingNumber rating { overall comment ratedAt } }\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRecords($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id\n      records { id documentType title sizeBytes mimeType validUntil reuseCount createdAt digitisedAt { id code name } sourceDossier { id code } }\n    }\n    centres { id code name }\n  }\n"): (typeof documents)["\n  query MyRecords($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id\n      records { id documentType title sizeBytes mimeType validUntil reuseCount createdAt digitisedAt { id code name } sourceDossier { id code } }\n    }\n    centres { id code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRecordAccessLog($recordId: ID!) {\n    recordAccessLog(recordId: $recordId) { readerId readerName readerRole readerCentre purpose at dossier { id code } }\n  }\n"): (typeof documents)["\n  query MyRecordAccessLog($recordId: ID!) {\n    recordAccessLog(recordId: $recordId) { readerId readerName readerRole readerCentre purpose at dossier { id code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupplementOnline($dossierId: ID!, $documents: [DocumentInput!]!) {\n    submitSupplement(dossierId: $dossierId, documents: $documents) { id status nationalStatusCode dueAt }\n  }\n"): (typeof documents)["\n  mutation SupplementOnline($dossierId: ID!, $documents: [DocumentInput!]!) {\n    submitSupplement(dossierId: $dossierId, documents: $documents) { id status nationalStatusCode dueAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateOnline($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateService(dossierId: $dossierId, rating: $rating) { dossierId overall comment ratedAt }\n  }\n"): (typeof documents)["\n  mutation RateOnline($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateService(dossierId: $dossierId, rating: $rating) { dossierId overall comment ratedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnlineCatalogue {\n    centres { id code name level parent { id } }\n    procedures { id code name sector levels feeVnd processingTime { amount unit } components { code name required documentType } }\n  }\n"): (typeof documents)["\n  query OnlineCatalogue {\n    centres { id code name level parent { id } }\n    procedures { id code name sector levels feeVnd processingTime { amount unit } components { code name required documentType } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnlineApplicant($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil digitisedAt { id code name } }\n    }\n  }\n"): (typeof documents)["\n  query OnlineApplicant($identityNumber: String!) {\n    applicant(identityNumber: $identityNumber) {\n      id fullName phone email address\n      records { id documentType title sizeBytes mimeType validUntil digitisedAt { id code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitOnline($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode submittedAt\n      procedure { code name }\n      receivingCentre { id name }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitOnline($input: SubmitDossierInput!) {\n    submitDossier(input: $input) {\n      id code status nationalStatusCode submittedAt\n      procedure { code name }\n      receivingCentre { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicProcedure {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required } }\n    centres { id code name level }\n  }\n"): (typeof documents)["\n  query PublicProcedure {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required } }\n    centres { id code name level }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsDesk($queue: ReturnsQueue!, $first: Int, $offset: Int) {\n    returnsDesk(queue: $queue, first: $first, offset: $offset) {\n      id code resolvedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      delivery { method status trackingNumber readyAt counterFallback postalEvents { status at note } }\n    }\n  }\n"): (typeof documents)["\n  query ReturnsDesk($queue: ReturnsQueue!, $first: Int, $offset: Int) {\n    returnsDesk(queue: $queue, first: $first, offset: $offset) {\n      id code resolvedAt\n      procedure { code name }\n      applicant { fullName identityNumber }\n      delivery { method status trackingNumber readyAt counterFallback postalEvents { status at note } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HandOver($dossierId: ID!, $collector: CollectorInput!) {\n    confirmPickup(dossierId: $dossierId, collector: $collector) { id status nationalStatusCode delivery { method status collectedBy { fullName } } }\n  }\n"): (typeof documents)["\n  mutation HandOver($dossierId: ID!, $collector: CollectorInput!) {\n    confirmPickup(dossierId: $dossierId, collector: $collector) { id status nationalStatusCode delivery { method status collectedBy { fullName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateAtCounter($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateAtCounter(dossierId: $dossierId, rating: $rating) { dossierId overall takenAtCounter recordedBy }\n  }\n"): (typeof documents)["\n  mutation RateAtCounter($dossierId: ID!, $rating: SatisfactionInput!) {\n    rateAtCounter(dossierId: $dossierId, rating: $rating) { dossierId overall takenAtCounter recordedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicTrack($code: String!, $verifier: String!) {\n    trackDossier(code: $code, verifier: $verifier) { id code status nationalStatusCode procedureName receivedAt dueAt deliveryStatus }\n  }\n"): (typeof documents)["\n  query PublicTrack($code: String!, $verifier: String!) {\n    trackDossier(code: $code, verifier: $verifier) { id code status nationalStatusCode procedureName receivedAt dueAt deliveryStatus }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
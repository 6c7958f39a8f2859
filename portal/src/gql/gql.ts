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
    "\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } agency { id code name } agencyAccepted }\n      assignee { id name }\n      interAgency { agency { id code name } stepCode sentAt shareDueAt state reason }\n      holdings { officer { id name role } stepCode branchCode centre { id code name } from until workingHours rework }\n      workflow { steps { code name role kind sendBackTo branches { code name role } agency { id code name } } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n": typeof types.DossierPageDocument,
    "query TransferCentres { centres { id code name } }": typeof types.TransferCentresDocument,
    "mutation CompleteFromPage($dossierId: ID!, $note: String, $branchCode: String) { completeStep(dossierId: $dossierId, note: $note, branchCode: $branchCode) { id status nationalStatusCode currentStep { code role } } }": typeof types.CompleteFromPageDocument,
    "mutation SendBackFromPage($dossierId: ID!, $toStepCode: String!, $reason: String!) { sendBack(dossierId: $dossierId, toStepCode: $toStepCode, reason: $reason) { id status currentStep { code role } } }": typeof types.SendBackFromPageDocument,
    "mutation AcceptInterAgencyFromPage($dossierId: ID!, $note: String) { acceptInterAgency(dossierId: $dossierId, note: $note) { id interAgency { state } } }": typeof types.AcceptInterAgencyFromPageDocument,
    "mutation ReturnInterAgencyFromPage($dossierId: ID!, $reason: String!) { returnInterAgency(dossierId: $dossierId, reason: $reason) { id interAgency { state reason } } }": typeof types.ReturnInterAgencyFromPageDocument,
    "mutation SupplementFromPage($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) { requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status } }": typeof types.SupplementFromPageDocument,
    "mutation TransferFromPage($dossierId: ID!, $toCentreId: ID!, $reason: String!) { transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status } }": typeof types.TransferFromPageDocument,
    "mutation StopFromPage($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status } }": typeof types.StopFromPageDocument,
    "mutation DecideFromPage($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt } }": typeof types.DecideFromPageDocument,
    "mutation ApologyFromPage($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt } }": typeof types.ApologyFromPageDocument,
    "mutation AcceptFromPage($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id status } }": typeof types.AcceptFromPageDocument,
    "mutation RefuseFromPage($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status } }": typeof types.RefuseFromPageDocument,
    "mutation PickupFromPage($dossierId: ID!, $collector: CollectorInput!) { confirmPickup(dossierId: $dossierId, collector: $collector) { id status } }": typeof types.PickupFromPageDocument,
    "query FrontPageCatalogue { procedures { id code name sector feeVnd processingTime { amount unit } } }": typeof types.FrontPageCatalogueDocument,
    "\n  fragment InboxRow on Dossier {\n    id code status dueAt receivedAt\n    procedure { code name }\n    applicant { fullName identityNumber }\n    processingCentre { id code }\n    currentStep { code name role dueAt }\n    activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } }\n    assignee { id name }\n    sla { state remainingWorkingHours }\n  }\n": typeof types.InboxRowFragmentDoc,
    "\n  query OfficerInboxPage($filter: InboxFilter, $first: Int, $offset: Int) {\n    inboxPage(filter: $filter, first: $first, offset: $offset) {\n      total\n      counts { onTrack dueSoon overdue paused }\n      items { ...InboxRow }\n    }\n  }\n": typeof types.OfficerInboxPageDocument,
    "\n  query OfficerMyDossiers($first: Int, $offset: Int) { myAssignedDossiers(first: $first, offset: $offset) { ...InboxRow } }\n": typeof types.OfficerMyDossiersDocument,
    "\n  query InboxProcedures { procedures { code name } }\n": typeof types.InboxProceduresDocument,
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
    "\n  query AdminCalendar($year: Int!) { calendarDays(year: $year) { date kind name } }\n": typeof types.AdminCalendarDocument,
    "\n  mutation AdminSetCalendarDay($input: CalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }\n": typeof types.AdminSetCalendarDayDocument,
    "\n  query AdminCentres { centres { id code name level parent { id } } }\n": typeof types.AdminCentresDocument,
    "\n  mutation AdminCreateCentre($input: CentreInput!) { createCentre(input: $input) { id code name level parent { id } } }\n": typeof types.AdminCreateCentreDocument,
    "\n  mutation AdminRenameCentre($centreId: ID!, $name: String!) { renameCentre(centreId: $centreId, name: $name) { id code name } }\n": typeof types.AdminRenameCentreDocument,
    "\n  mutation AdminMoveCentre($centreId: ID!, $parentId: ID) { moveCentre(centreId: $centreId, parentId: $parentId) { id parent { id } } }\n": typeof types.AdminMoveCentreDocument,
    "\n  query AdminFailedNotifications($includeNotSent: Boolean) {\n    failedNotifications(limit: 200, includeNotSent: $includeNotSent) { id dossierCode dossier { id } kind channel status recipient attempts lastError createdAt }\n  }\n": typeof types.AdminFailedNotificationsDocument,
    "\n  mutation AdminResendNotification($id: ID!) { resendNotification(id: $id) { id status } }\n": typeof types.AdminResendNotificationDocument,
    "\n  query AdminFailedEvents($service: EventSubscriber) { failedEvents(service: $service, limit: 200) { id service type aggregateId occurredAt attempts error failedAt payload } }\n": typeof types.AdminFailedEventsDocument,
    "\n  mutation AdminReplayEvents($service: EventSubscriber!, $eventIds: [ID!]) { replayFailedEvents(service: $service, eventIds: $eventIds) }\n": typeof types.AdminReplayEventsDocument,
    "\n  query AdminProcedures {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n": typeof types.AdminProceduresDocument,
    "\n  mutation AdminUpsertProcedure($input: ProcedureInput!) {\n    upsertProcedure(input: $input) { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n": typeof types.AdminUpsertProcedureDocument,
    "\n  query AdminWorkflow($procedureCode: String!) { workflow(procedureCode: $procedureCode) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n": typeof types.AdminWorkflowDocument,
    "\n  mutation AdminDefineWorkflow($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n": typeof types.AdminDefineWorkflowDocument,
    "\n  fragment AdminWorkflowStep on WorkflowStep {\n    code name role durationHours kind sendBackTo\n    condition { applicantKind feeAtLeastVnd }\n    branches { code name role durationHours condition { applicantKind feeAtLeastVnd } }\n    agency { id code name }\n  }\n": typeof types.AdminWorkflowStepFragmentDoc,
    "query AdminAgencies { centres { id code name } }": typeof types.AdminAgenciesDocument,
    "query AssignableOfficers($centreId: ID!, $role: StepRole) { officers(centreId: $centreId, role: $role) { id name role } }": typeof types.AssignableOfficersDocument,
    "\n  mutation AssignDossier($dossierId: ID!, $officerId: ID!, $branchCode: String, $note: String) {\n    assignDossier(dossierId: $dossierId, officerId: $officerId, branchCode: $branchCode, note: $note) {\n      id assignee { id name } activeSteps { code branchCode assignee { id name } }\n    }\n  }\n": typeof types.AssignDossierDocument,
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
    "\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } agency { id code name } agencyAccepted }\n      assignee { id name }\n      interAgency { agency { id code name } stepCode sentAt shareDueAt state reason }\n      holdings { officer { id name role } stepCode branchCode centre { id code name } from until workingHours rework }\n      workflow { steps { code name role kind sendBackTo branches { code name role } agency { id code name } } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n": types.DossierPageDocument,
    "query TransferCentres { centres { id code name } }": types.TransferCentresDocument,
    "mutation CompleteFromPage($dossierId: ID!, $note: String, $branchCode: String) { completeStep(dossierId: $dossierId, note: $note, branchCode: $branchCode) { id status nationalStatusCode currentStep { code role } } }": types.CompleteFromPageDocument,
    "mutation SendBackFromPage($dossierId: ID!, $toStepCode: String!, $reason: String!) { sendBack(dossierId: $dossierId, toStepCode: $toStepCode, reason: $reason) { id status currentStep { code role } } }": types.SendBackFromPageDocument,
    "mutation AcceptInterAgencyFromPage($dossierId: ID!, $note: String) { acceptInterAgency(dossierId: $dossierId, note: $note) { id interAgency { state } } }": types.AcceptInterAgencyFromPageDocument,
    "mutation ReturnInterAgencyFromPage($dossierId: ID!, $reason: String!) { returnInterAgency(dossierId: $dossierId, reason: $reason) { id interAgency { state reason } } }": types.ReturnInterAgencyFromPageDocument,
    "mutation SupplementFromPage($dossierId: ID!, $reason: String!, $componentCodes: [String!]!) { requestSupplement(dossierId: $dossierId, reason: $reason, componentCodes: $componentCodes) { id status } }": types.SupplementFromPageDocument,
    "mutation TransferFromPage($dossierId: ID!, $toCentreId: ID!, $reason: String!) { transferDossier(dossierId: $dossierId, toCentreId: $toCentreId, reason: $reason) { id status } }": types.TransferFromPageDocument,
    "mutation StopFromPage($dossierId: ID!, $reason: String!) { stopDossier(dossierId: $dossierId, reason: $reason) { id status } }": types.StopFromPageDocument,
    "mutation DecideFromPage($input: DecisionInput!) { decideDossier(input: $input) { id status nationalStatusCode resolvedAt } }": types.DecideFromPageDocument,
    "mutation ApologyFromPage($dossierId: ID!, $reason: String!, $newDueAt: DateTime!) { issueApology(dossierId: $dossierId, reason: $reason, newDueAt: $newDueAt) { id dueAt } }": types.ApologyFromPageDocument,
    "mutation AcceptFromPage($dossierId: ID!) { acceptDossier(dossierId: $dossierId) { id status } }": types.AcceptFromPageDocument,
    "mutation RefuseFromPage($dossierId: ID!, $reason: String!) { refuseDossier(dossierId: $dossierId, reason: $reason) { id status } }": types.RefuseFromPageDocument,
    "mutation PickupFromPage($dossierId: ID!, $collector: CollectorInput!) { confirmPickup(dossierId: $dossierId, collector: $collector) { id status } }": types.PickupFromPageDocument,
    "query FrontPageCatalogue { procedures { id code name sector feeVnd processingTime { amount unit } } }": types.FrontPageCatalogueDocument,
    "\n  fragment InboxRow on Dossier {\n    id code status dueAt receivedAt\n    procedure { code name }\n    applicant { fullName identityNumber }\n    processingCentre { id code }\n    currentStep { code name role dueAt }\n    activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } }\n    assignee { id name }\n    sla { state remainingWorkingHours }\n  }\n": types.InboxRowFragmentDoc,
    "\n  query OfficerInboxPage($filter: InboxFilter, $first: Int, $offset: Int) {\n    inboxPage(filter: $filter, first: $first, offset: $offset) {\n      total\n      counts { onTrack dueSoon overdue paused }\n      items { ...InboxRow }\n    }\n  }\n": types.OfficerInboxPageDocument,
    "\n  query OfficerMyDossiers($first: Int, $offset: Int) { myAssignedDossiers(first: $first, offset: $offset) { ...InboxRow } }\n": types.OfficerMyDossiersDocument,
    "\n  query InboxProcedures { procedures { code name } }\n": types.InboxProceduresDocument,
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
    "\n  query AdminCalendar($year: Int!) { calendarDays(year: $year) { date kind name } }\n": types.AdminCalendarDocument,
    "\n  mutation AdminSetCalendarDay($input: CalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }\n": types.AdminSetCalendarDayDocument,
    "\n  query AdminCentres { centres { id code name level parent { id } } }\n": types.AdminCentresDocument,
    "\n  mutation AdminCreateCentre($input: CentreInput!) { createCentre(input: $input) { id code name level parent { id } } }\n": types.AdminCreateCentreDocument,
    "\n  mutation AdminRenameCentre($centreId: ID!, $name: String!) { renameCentre(centreId: $centreId, name: $name) { id code name } }\n": types.AdminRenameCentreDocument,
    "\n  mutation AdminMoveCentre($centreId: ID!, $parentId: ID) { moveCentre(centreId: $centreId, parentId: $parentId) { id parent { id } } }\n": types.AdminMoveCentreDocument,
    "\n  query AdminFailedNotifications($includeNotSent: Boolean) {\n    failedNotifications(limit: 200, includeNotSent: $includeNotSent) { id dossierCode dossier { id } kind channel status recipient attempts lastError createdAt }\n  }\n": types.AdminFailedNotificationsDocument,
    "\n  mutation AdminResendNotification($id: ID!) { resendNotification(id: $id) { id status } }\n": types.AdminResendNotificationDocument,
    "\n  query AdminFailedEvents($service: EventSubscriber) { failedEvents(service: $service, limit: 200) { id service type aggregateId occurredAt attempts error failedAt payload } }\n": types.AdminFailedEventsDocument,
    "\n  mutation AdminReplayEvents($service: EventSubscriber!, $eventIds: [ID!]) { replayFailedEvents(service: $service, eventIds: $eventIds) }\n": types.AdminReplayEventsDocument,
    "\n  query AdminProcedures {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n": types.AdminProceduresDocument,
    "\n  mutation AdminUpsertProcedure($input: ProcedureInput!) {\n    upsertProcedure(input: $input) { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n": types.AdminUpsertProcedureDocument,
    "\n  query AdminWorkflow($procedureCode: String!) { workflow(procedureCode: $procedureCode) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n": types.AdminWorkflowDocument,
    "\n  mutation AdminDefineWorkflow($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n": types.AdminDefineWorkflowDocument,
    "\n  fragment AdminWorkflowStep on WorkflowStep {\n    code name role durationHours kind sendBackTo\n    condition { applicantKind feeAtLeastVnd }\n    branches { code name role durationHours condition { applicantKind feeAtLeastVnd } }\n    agency { id code name }\n  }\n": types.AdminWorkflowStepFragmentDoc,
    "query AdminAgencies { centres { id code name } }": types.AdminAgenciesDocument,
    "query AssignableOfficers($centreId: ID!, $role: StepRole) { officers(centreId: $centreId, role: $role) { id name role } }": types.AssignableOfficersDocument,
    "\n  mutation AssignDossier($dossierId: ID!, $officerId: ID!, $branchCode: String, $note: String) {\n    assignDossier(dossierId: $dossierId, officerId: $officerId, branchCode: $branchCode, note: $note) {\n      id assignee { id name } activeSteps { code branchCode assignee { id name } }\n    }\n  }\n": types.AssignDossierDocument,
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
export function graphql(source: "\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } agency { id code name } agencyAccepted }\n      assignee { id name }\n      interAgency { agency { id code name } stepCode sentAt shareDueAt state reason }\n      holdings { officer { id name role } stepCode branchCode centre { id code name } from until workingHours rework }\n      workflow { steps { code name role kind sendBackTo branches { code name role } agency { id code name } } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n"): (typeof documents)["\n  query DossierPage($id: ID!) {\n    dossier(id: $id) {\n      id code status nationalStatusCode channel receivedAt dueAt resolvedAt receiptUrl\n      procedure { code name components { code name required } }\n      applicant { identityNumber fullName phone address }\n      receivingCentre { id code name }\n      processingCentre { id code }\n      currentStep { code name role dueAt index }\n      activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } agency { id code name } agencyAccepted }\n      assignee { id name }\n      interAgency { agency { id code name } stepCode sentAt shareDueAt state reason }\n      holdings { officer { id name role } stepCode branchCode centre { id code name } from until workingHours rework }\n      workflow { steps { code name role kind sendBackTo branches { code name role } agency { id code name } } }\n      sla { state remainingWorkingHours }\n      history { action actor actorRole at note stepCode stepOutcome }\n      apologies { reason newDueAt issuedAt }\n      components { componentCode reused supplement record { id title mimeType sizeBytes digitisedAt { code } } }\n      decision\n      result { id title fileName }\n      delivery { method status trackingNumber returnedAt collectedBy { fullName identityNumber } postalEvents { status at note } }\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TransferCentres { centres { id code name } }"): (typeof documents)["query TransferCentres { centres { id code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteFromPage($dossierId: ID!, $note: String, $branchCode: String) { completeStep(dossierId: $dossierId, note: $note, branchCode: $branchCode) { id status nationalStatusCode currentStep { code role } } }"): (typeof documents)["mutation CompleteFromPage($dossierId: ID!, $note: String, $branchCode: String) { completeStep(dossierId: $dossierId, note: $note, branchCode: $branchCode) { id status nationalStatusCode currentStep { code role } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendBackFromPage($dossierId: ID!, $toStepCode: String!, $reason: String!) { sendBack(dossierId: $dossierId, toStepCode: $toStepCode, reason: $reason) { id status currentStep { code role } } }"): (typeof documents)["mutation SendBackFromPage($dossierId: ID!, $toStepCode: String!, $reason: String!) { sendBack(dossierId: $dossierId, toStepCode: $toStepCode, reason: $reason) { id status currentStep { code role } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptInterAgencyFromPage($dossierId: ID!, $note: String) { acceptInterAgency(dossierId: $dossierId, note: $note) { id interAgency { state } } }"): (typeof documents)["mutation AcceptInterAgencyFromPage($dossierId: ID!, $note: String) { acceptInterAgency(dossierId: $dossierId, note: $note) { id interAgency { state } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnInterAgencyFromPage($dossierId: ID!, $reason: String!) { returnInterAgency(dossierId: $dossierId, reason: $reason) { id interAgency { state reason } } }"): (typeof documents)["mutation ReturnInterAgencyFromPage($dossierId: ID!, $reason: String!) { returnInterAgency(dossierId: $dossierId, reason: $reason) { id interAgency { state reason } } }"];
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
export function graphql(source: "\n  fragment InboxRow on Dossier {\n    id code status dueAt receivedAt\n    procedure { code name }\n    applicant { fullName identityNumber }\n    processingCentre { id code }\n    currentStep { code name role dueAt }\n    activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } }\n    assignee { id name }\n    sla { state remainingWorkingHours }\n  }\n"): (typeof documents)["\n  fragment InboxRow on Dossier {\n    id code status dueAt receivedAt\n    procedure { code name }\n    applicant { fullName identityNumber }\n    processingCentre { id code }\n    currentStep { code name role dueAt }\n    activeSteps { code name role index dueAt kind branchCode branchName assignee { id name } }\n    assignee { id name }\n    sla { state remainingWorkingHours }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficerInboxPage($filter: InboxFilter, $first: Int, $offset: Int) {\n    inboxPage(filter: $filter, first: $first, offset: $offset) {\n      total\n      counts { onTrack dueSoon overdue paused }\n      items { ...InboxRow }\n    }\n  }\n"): (typeof documents)["\n  query OfficerInboxPage($filter: InboxFilter, $first: Int, $offset: Int) {\n    inboxPage(filter: $filter, first: $first, offset: $offset) {\n      total\n      counts { onTrack dueSoon overdue paused }\n      items { ...InboxRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficerMyDossiers($first: Int, $offset: Int) { myAssignedDossiers(first: $first, offset: $offset) { ...InboxRow } }\n"): (typeof documents)["\n  query OfficerMyDossiers($first: Int, $offset: Int) { myAssignedDossiers(first: $first, offset: $offset) { ...InboxRow } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxProcedures { procedures { code name } }\n"): (typeof documents)["\n  query InboxProcedures { procedures { code name } }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCalendar($year: Int!) { calendarDays(year: $year) { date kind name } }\n"): (typeof documents)["\n  query AdminCalendar($year: Int!) { calendarDays(year: $year) { date kind name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetCalendarDay($input: CalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }\n"): (typeof documents)["\n  mutation AdminSetCalendarDay($input: CalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCentres { centres { id code name level parent { id } } }\n"): (typeof documents)["\n  query AdminCentres { centres { id code name level parent { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCentre($input: CentreInput!) { createCentre(input: $input) { id code name level parent { id } } }\n"): (typeof documents)["\n  mutation AdminCreateCentre($input: CentreInput!) { createCentre(input: $input) { id code name level parent { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRenameCentre($centreId: ID!, $name: String!) { renameCentre(centreId: $centreId, name: $name) { id code name } }\n"): (typeof documents)["\n  mutation AdminRenameCentre($centreId: ID!, $name: String!) { renameCentre(centreId: $centreId, name: $name) { id code name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminMoveCentre($centreId: ID!, $parentId: ID) { moveCentre(centreId: $centreId, parentId: $parentId) { id parent { id } } }\n"): (typeof documents)["\n  mutation AdminMoveCentre($centreId: ID!, $parentId: ID) { moveCentre(centreId: $centreId, parentId: $parentId) { id parent { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminFailedNotifications($includeNotSent: Boolean) {\n    failedNotifications(limit: 200, includeNotSent: $includeNotSent) { id dossierCode dossier { id } kind channel status recipient attempts lastError createdAt }\n  }\n"): (typeof documents)["\n  query AdminFailedNotifications($includeNotSent: Boolean) {\n    failedNotifications(limit: 200, includeNotSent: $includeNotSent) { id dossierCode dossier { id } kind channel status recipient attempts lastError createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResendNotification($id: ID!) { resendNotification(id: $id) { id status } }\n"): (typeof documents)["\n  mutation AdminResendNotification($id: ID!) { resendNotification(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminFailedEvents($service: EventSubscriber) { failedEvents(service: $service, limit: 200) { id service type aggregateId occurredAt attempts error failedAt payload } }\n"): (typeof documents)["\n  query AdminFailedEvents($service: EventSubscriber) { failedEvents(service: $service, limit: 200) { id service type aggregateId occurredAt attempts error failedAt payload } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReplayEvents($service: EventSubscriber!, $eventIds: [ID!]) { replayFailedEvents(service: $service, eventIds: $eventIds) }\n"): (typeof documents)["\n  mutation AdminReplayEvents($service: EventSubscriber!, $eventIds: [ID!]) { replayFailedEvents(service: $service, eventIds: $eventIds) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProcedures {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n"): (typeof documents)["\n  query AdminProcedures {\n    procedures { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpsertProcedure($input: ProcedureInput!) {\n    upsertProcedure(input: $input) { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n"): (typeof documents)["\n  mutation AdminUpsertProcedure($input: ProcedureInput!) {\n    upsertProcedure(input: $input) { id code name sector levels feeVnd version processingTime { amount unit } components { code name required documentType } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWorkflow($procedureCode: String!) { workflow(procedureCode: $procedureCode) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n"): (typeof documents)["\n  query AdminWorkflow($procedureCode: String!) { workflow(procedureCode: $procedureCode) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDefineWorkflow($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n"): (typeof documents)["\n  mutation AdminDefineWorkflow($input: WorkflowInput!) { defineWorkflow(input: $input) { procedureCode version definedAt steps { ...AdminWorkflowStep } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminWorkflowStep on WorkflowStep {\n    code name role durationHours kind sendBackTo\n    condition { applicantKind feeAtLeastVnd }\n    branches { code name role durationHours condition { applicantKind feeAtLeastVnd } }\n    agency { id code name }\n  }\n"): (typeof documents)["\n  fragment AdminWorkflowStep on WorkflowStep {\n    code name role durationHours kind sendBackTo\n    condition { applicantKind feeAtLeastVnd }\n    branches { code name role durationHours condition { applicantKind feeAtLeastVnd } }\n    agency { id code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminAgencies { centres { id code name } }"): (typeof documents)["query AdminAgencies { centres { id code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AssignableOfficers($centreId: ID!, $role: StepRole) { officers(centreId: $centreId, role: $role) { id name role } }"): (typeof documents)["query AssignableOfficers($centreId: ID!, $role: StepRole) { officers(centreId: $centreId, role: $role) { id name role } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignDossier($dossierId: ID!, $officerId: ID!, $branchCode: String, $note: String) {\n    assignDossier(dossierId: $dossierId, officerId: $officerId, branchCode: $branchCode, note: $note) {\n      id assignee { id name } activeSteps { code branchCode assignee { id name } }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignDossier($dossierId: ID!, $officerId: ID!, $branchCode: String, $note: String) {\n    assignDossier(dossierId: $dossierId, officerId: $officerId, branchCode: $branchCode, note: $note) {\n      id assignee { id name } activeSteps { code branchCode assignee { id name } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
/**
 * `@kontor/ticketing`: the service desk of Kontor (RULES.md K1–K13, O1–O2): tickets and their
 * workflow, ticket numbers with a check digit, mail intake decisions (threading, auto-reply and
 * loop protection, rate limits), outgoing mail headers, notifications, SLA clocks in business
 * hours, monitoring alerts and scheduled tickets, portal access, credentials, assets and
 * statistics. Pure functions over plain data; no I/O, no clock.
 *
 * @packageDocumentation
 */

// Errors and results
export { TicketingError, issue, type TicketingErrorCode, type TicketingErrorPath, type TicketingIssue } from "./errors/ticketing-error.js";
export { fail, ok, parseWith, type Result } from "./errors/result.js";

// Time at the boundary
export { DEFAULT_ZONE, isoInstantSchema, toEpochMs, toIsoInstant, tryParseInstant, zoneSchema, type Instant } from "./time/instant.js";

// Policies (P1)
export {
  rateLimitSchema,
  ticketingPoliciesSchema,
  ticketingPolicySchema,
  type RateLimit,
  type TicketingPolicy,
} from "./policies/ticketing-policy.js";
export { DEFAULT_TICKETING_POLICIES, DEFAULT_TICKETING_POLICY } from "./policies/default-ticketing-policies.js";
export { policyInForce } from "./policies/policy-in-force.js";

// Organizations and portal users (O1, O2)
export { postalAddressSchema, type PostalAddress } from "./organizations/postal-address.js";
export {
  accountManagerSchema,
  branchSchema,
  organizationSchema,
  type AccountManager,
  type Branch,
  type Organization,
} from "./organizations/organization.js";
export { PORTAL_ROLES, portalRoleSchema, portalUserSchema, type PortalRole, type PortalUser } from "./organizations/portal-user.js";
export {
  createOrganizationDirectory,
  domainOf,
  organizationOfSender,
  senderBelongsTo,
  type ContactInput,
  type KnownContact,
  type OrganizationDirectory,
} from "./organizations/organization-directory.js";

// Tickets (K1, K6)
export {
  TICKET_CHANNELS,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  ticketChannelSchema,
  ticketKindSchema,
  ticketPrioritySchema,
  type TicketChannel,
  type TicketKind,
  type TicketPriority,
} from "./tickets/ticket-classification.js";
export {
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  canTransition,
  isOpenStatus,
  ticketStatusSchema,
  type TicketStatus,
} from "./tickets/ticket-status.js";
export { SYSTEM_ACTOR, actorRefSchema, type ActorRef } from "./tickets/actor-ref.js";
export {
  ATTACHMENT_FLAGS,
  attachmentMetaSchema,
  ticketAttachmentSchema,
  type AttachmentFlag,
  type AttachmentKind,
  type AttachmentMeta,
  type TicketAttachment,
} from "./tickets/attachment.js";
export { classifyAttachment } from "./tickets/classify-attachment.js";
export {
  MAX_CONTAINER_ENTRIES,
  containedContentTypes,
  isWordContainer,
  withContainedContentTypes,
} from "./tickets/container-content-types.js";
export { ticketEventSchema, type TicketEvent, type TicketEventType } from "./tickets/ticket-event.js";
export {
  requesterSchema,
  ticketCommentSchema,
  ticketFeedbackSchema,
  ticketSchema,
  type Requester,
  type Ticket,
  type TicketComment,
  type TicketFeedback,
} from "./tickets/ticket.js";
export { createTicket, ticketInputSchema, type TicketChange, type TicketInput } from "./tickets/create-ticket.js";
export { ticketCommandSchema, type TicketCommand } from "./tickets/ticket-command.js";
export { applyTicketCommand, type ApplyTicketCommandOptions } from "./tickets/apply-ticket-command.js";

// Ticket numbers (K1)
export { dammCheckDigit, isValidDamm } from "./tickets/damm-check-digit.js";
export {
  DEFAULT_TICKET_NUMBER_FORMAT,
  allocateTicketNumber,
  formatTicketNumber,
  parseTicketNumber,
  ticketNumberFormatSchema,
  ticketNumberSequenceSchema,
  type AllocatedTicketNumber,
  type ParsedTicketNumber,
  type TicketNumberFormat,
  type TicketNumberSequence,
} from "./tickets/ticket-number.js";

// Mail intake and outgoing mail (K2, K3, K4)
export {
  headerValue,
  mailAddressSchema,
  mailHeadersSchema,
  messageIdsIn,
  parsedMailSchema,
  type MailAddress,
  type MailHeaders,
  type ParsedMail,
  type ParsedMailInput,
} from "./mail/parsed-mail.js";
export { detectAutomatedMail, type AutomatedMailFinding } from "./mail/automated-mail.js";
export {
  EMPTY_INTAKE_HISTORY,
  countInWindow,
  createIntakeHistory,
  intakeRecordSchema,
  type IntakeHistory,
  type IntakeRecord,
} from "./mail/intake-history.js";
export { subjectTag, ticketNumberFromSubject } from "./mail/subject-tag.js";
export { bodyText, htmlToText, stripQuotedReply } from "./mail/mail-text.js";
export { guessTicketKind, personalNoteSignal } from "./mail/classify-mail-content.js";
export type {
  AppendToTicketDecision,
  CreateTicketDecision,
  IgnoreDecision,
  KeepUnprocessedDecision,
  MailIntakeCode,
  MailIntakeDecision,
  MailIntakeReason,
  NewTicketFromMail,
  QuarantineDecision,
} from "./mail/mail-intake-decision.js";
export { decideMailIntake, type MailIntakeContext, type TicketRef } from "./mail/decide-mail-intake.js";
export {
  KONTOR_TICKET_HEADER,
  ourMessageId,
  outgoingMailSettingsSchema,
  outgoingTicketHeaders,
  referencesChain,
  type OutgoingHeadersInput,
  type OutgoingMail,
  type OutgoingMailSettings,
} from "./mail/outgoing-mail.js";
export { ticketConfirmation, type ConfirmedMail, type TicketConfirmationEvent } from "./mail/ticket-confirmation.js";
export { commentCommandFromMail, ticketInputFromMail } from "./mail/intake-to-ticket.js";

// Notifications (K5, O1)
export { notificationRecipients, ticketNotifications, type NotificationKind } from "./notifications/ticket-notifications.js";

// SLA clocks (K7)
export {
  createSlaTerms,
  slaTargetFor,
  slaTargetSchema,
  slaTermsInputSchema,
  type SlaTarget,
  type SlaTerms,
  type SlaTermsInput,
} from "./sla/sla-terms.js";
export type { SlaClockName, SlaEvent } from "./sla/sla-event.js";
export { computeSlaClocks, type ComputeSlaOptions, type SlaClock, type SlaReport } from "./sla/compute-sla-clocks.js";

// Monitoring and schedules (K8, K9)
export { sensorEventSchema, sensorSeveritySchema, type SensorEvent, type SensorSeverity } from "./monitoring/sensor-event.js";
export { decideSensorEvent, type SensorDecision, type SensorTicketRef } from "./monitoring/decide-sensor-event.js";
export { maintenancePlanSchema, type MaintenancePlan } from "./monitoring/maintenance-plan.js";
export { dueScheduledTickets, type ScheduledTicket } from "./monitoring/scheduled-tickets.js";

// Access and credentials (K10, K12)
export { ALL_ROLES, STAFF_ROLES, actorSchema, staffRoleSchema, type Actor, type StaffRole } from "./access/roles.js";
export {
  ACCESS_ACTIONS,
  accessActionSchema,
  accessResourceSchema,
  type AccessAction,
  type AccessResource,
} from "./access/access-action.js";
export { authorize, can } from "./access/can.js";
export {
  activeCredentialApprovals,
  approvedCredentialReaders,
  credentialAccessRequestSchema,
  credentialSchema,
  type Credential,
  type CredentialAccessRequest,
} from "./access/credential.js";
export { readCredential, type CredentialAuditEvent, type CredentialReadOutcome } from "./access/read-credential.js";

// Assets (K11)
export { assetLicenseSchema, assetSchema, type Asset, type AssetLicense } from "./assets/asset.js";
export { expiryWarnings, type ExpiryEvent } from "./assets/expiry-warnings.js";
export { goodsReceiptSchema, receiveGoods, type GoodsReceiptInput, type GoodsReceiptOutcome } from "./assets/goods-receipt.js";

// Statistics (K13)
export {
  monthlyStatistics,
  type ComplianceSummary,
  type DurationSummary,
  type MonthlyStatistics,
} from "./statistics/monthly-statistics.js";

/**
 * Every rule, one per file (see README table). Order is report order within a file.
 */
import type { Rule } from '../types';
import { rule as additionalPropertyNotAllowedAdjacentToRef } from './additional-property-not-allowed-adjacent-to-ref';
import { rule as basePathNotValid } from './base-path-not-valid';
import { rule as bodyOrFormDataParameterInFetchOperationNotAllowed } from './body-or-form-data-parameter-in-fetch-operation-not-allowed';
import { rule as bodyParameterSchemaRequired } from './body-parameter-schema-required';
import { rule as ckBrandColor } from './ck-brand-color';
import { rule as ckClientSecret } from './ck-client-secret';
import { rule as ckContactRequired } from './ck-contact-required';
import { rule as ckDescriptionSentence } from './ck-description-sentence';
import { rule as ckIconFormat } from './ck-icon-format';
import { rule as ckProductionHost } from './ck-production-host';
import { rule as ckPublisherRequired } from './ck-publisher-required';
import { rule as ckReadmeSections } from './ck-readme-sections';
import { rule as ckSummaryAndDescriptionRequired } from './ck-summary-and-description-required';
import { rule as ckSummaryCharacters } from './ck-summary-characters';
import { rule as ckSummaryEqualsDescription } from './ck-summary-equals-description';
import { rule as ckSwaggerTooLarge } from './ck-swagger-too-large';
import { rule as connectionIdParameterNotAllowed } from './connection-id-parameter-not-allowed';
import { rule as connectorMetadataPropertiesMissing } from './connector-metadata-properties-missing';
import { rule as consumesMissing } from './consumes-missing';
import { rule as contactEmailNotValid } from './contact-email-not-valid';
import { rule as defaultResponseHasSchema } from './default-response-has-schema';
import { rule as defaultValueMustMatchType } from './default-value-must-match-type';
import { rule as duplicateOperationPath } from './duplicate-operation-path';
import { rule as enumMustContainAtLeastOneElement } from './enum-must-contain-at-least-one-element';
import { rule as fieldLengthExceeded } from './field-length-exceeded';
import { rule as fieldLengthNotInRange } from './field-length-not-in-range';
import { rule as fileParameterMustBeInFormData } from './file-parameter-must-be-in-form-data';
import { rule as hostNameNotValid } from './host-name-not-valid';
import { rule as invalidConnectorCategory } from './invalid-connector-category';
import { rule as invalidNextLinkNameValue } from './invalid-next-link-name-value';
import { rule as minimumShouldBeLessThanOrEqualToMaximum } from './minimum-should-be-less-than-or-equal-to-maximum';
import { rule as nonBodyParameterSchemaNotValid } from './non-body-parameter-schema-not-valid';
import { rule as notificationUrlNotString } from './notification-url-not-string';
import { rule as operationHasManyResponsesWithSchema } from './operation-has-many-responses-with-schema';
import { rule as operationIdNotUnique } from './operation-id-not-unique';
import { rule as operationIdRequired } from './operation-id-required';
import { rule as operationIdSanitized } from './operation-id-sanitized';
import { rule as operationMissingPathParameter } from './operation-missing-path-parameter';
import { rule as operationMustHaveNotificationContentExtension } from './operation-must-have-notification-content-extension';
import { rule as operationMustHaveResponse } from './operation-must-have-response';
import { rule as operationParametersContainDuplicateParameter } from './operation-parameters-contain-duplicate-parameter';
import { rule as operationParametersContainMultipleBodyParameters } from './operation-parameters-contain-multiple-body-parameters';
import { rule as operationPathContainsUnsupportedCharacters } from './operation-path-contains-unsupported-characters';
import { rule as operationPathMayNotContainQueryOrFragment } from './operation-path-may-not-contain-query-or-fragment';
import { rule as operationPathMustStartWithSlash } from './operation-path-must-start-with-slash';
import { rule as operationPathTemplateNotValid } from './operation-path-template-not-valid';
import { rule as operationPathVariablesContainDefaults } from './operation-path-variables-contain-defaults';
import { rule as operationShouldHaveSuccessfulResponse } from './operation-should-have-successful-response';
import { rule as operationSummaryTooLong } from './operation-summary-too-long';
import { rule as parameterListContainsFormDataAndBody } from './parameter-list-contains-form-data-and-body';
import { rule as parameterReferenceNotFound } from './parameter-reference-not-found';
import { rule as parameterReferenceNotValid } from './parameter-reference-not-valid';
import { rule as pathItemRefNotSuppored } from './path-item-ref-not-suppored';
import { rule as pathParameterMissingEncoding } from './path-parameter-missing-encoding';
import { rule as pathParameterMustBeRequired } from './path-parameter-must-be-required';
import { rule as pathParameterNotDefinedInTemplate } from './path-parameter-not-defined-in-template';
import { rule as pathRedefined } from './path-redefined';
import { rule as queryParameterEncodingNotSupported } from './query-parameter-encoding-not-supported';
import { rule as requiredPropertyArrayEmpty } from './required-property-array-empty';
import { rule as requiredPropertyDefinitionMissing } from './required-property-definition-missing';
import { rule as requiredPropertyNotOnObject } from './required-property-not-on-object';
import { rule as responseReferenceNotFound } from './response-reference-not-found';
import { rule as responseReferenceNotValid } from './response-reference-not-valid';
import { rule as schemaReferenceNotFound } from './schema-reference-not-found';
import { rule as schemaReferenceNotValid } from './schema-reference-not-valid';
import { rule as schemeNotValid } from './scheme-not-valid';
import { rule as schemesArrayEmpty } from './schemes-array-empty';
import { rule as securityRequirementMustBeDefined } from './security-requirement-must-be-defined';
import { rule as securityRequirementMustHaveEmptyValue } from './security-requirement-must-have-empty-value';
import { rule as specificationVersionIncorrect } from './specification-version-incorrect';
import { rule as tagRedefined } from './tag-redefined';
import { rule as tooManyConnectorCategories } from './too-many-connector-categories';
import { rule as totalOperationsCountExceedsMaxAllowed } from './total-operations-count-exceeds-max-allowed';
import { rule as valueContainsRestrictedWords } from './value-contains-restricted-words';
import { rule as valueMustEndWithAlphanumeric } from './value-must-end-with-alphanumeric';
import { rule as webhookOperationsMissingNotificationUrlProperty } from './webhook-operations-missing-notification-url-property';

/** All rules. */
export const RULES: readonly Rule[] = [
  additionalPropertyNotAllowedAdjacentToRef,
  basePathNotValid,
  bodyOrFormDataParameterInFetchOperationNotAllowed,
  bodyParameterSchemaRequired,
  ckBrandColor,
  ckClientSecret,
  ckContactRequired,
  ckDescriptionSentence,
  ckIconFormat,
  ckProductionHost,
  ckPublisherRequired,
  ckReadmeSections,
  ckSummaryAndDescriptionRequired,
  ckSummaryCharacters,
  ckSummaryEqualsDescription,
  ckSwaggerTooLarge,
  connectionIdParameterNotAllowed,
  connectorMetadataPropertiesMissing,
  consumesMissing,
  contactEmailNotValid,
  defaultResponseHasSchema,
  defaultValueMustMatchType,
  duplicateOperationPath,
  enumMustContainAtLeastOneElement,
  fieldLengthExceeded,
  fieldLengthNotInRange,
  fileParameterMustBeInFormData,
  hostNameNotValid,
  invalidConnectorCategory,
  invalidNextLinkNameValue,
  minimumShouldBeLessThanOrEqualToMaximum,
  nonBodyParameterSchemaNotValid,
  notificationUrlNotString,
  operationHasManyResponsesWithSchema,
  operationIdNotUnique,
  operationIdRequired,
  operationIdSanitized,
  operationMissingPathParameter,
  operationMustHaveNotificationContentExtension,
  operationMustHaveResponse,
  operationParametersContainDuplicateParameter,
  operationParametersContainMultipleBodyParameters,
  operationPathContainsUnsupportedCharacters,
  operationPathMayNotContainQueryOrFragment,
  operationPathMustStartWithSlash,
  operationPathTemplateNotValid,
  operationPathVariablesContainDefaults,
  operationShouldHaveSuccessfulResponse,
  operationSummaryTooLong,
  parameterListContainsFormDataAndBody,
  parameterReferenceNotFound,
  parameterReferenceNotValid,
  pathItemRefNotSuppored,
  pathParameterMissingEncoding,
  pathParameterMustBeRequired,
  pathParameterNotDefinedInTemplate,
  pathRedefined,
  queryParameterEncodingNotSupported,
  requiredPropertyArrayEmpty,
  requiredPropertyDefinitionMissing,
  requiredPropertyNotOnObject,
  responseReferenceNotFound,
  responseReferenceNotValid,
  schemaReferenceNotFound,
  schemaReferenceNotValid,
  schemeNotValid,
  schemesArrayEmpty,
  securityRequirementMustBeDefined,
  securityRequirementMustHaveEmptyValue,
  specificationVersionIncorrect,
  tagRedefined,
  tooManyConnectorCategories,
  totalOperationsCountExceedsMaxAllowed,
  valueContainsRestrictedWords,
  valueMustEndWithAlphanumeric,
  webhookOperationsMissingNotificationUrlProperty,
];

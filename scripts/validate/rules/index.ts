/**
 * Every rule, one per file (see the README table). Order is report order within a file.
 */
import type { Rule } from '../types';
import { rule as additionalPropertyNotAllowedAdjacentToRef } from './additional-property-not-allowed-adjacent-to-ref';
import { rule as allowEmptyValueOnlyValidForQueryFormData } from './allow-empty-value-only-valid-for-query-form-data';
import { rule as apiAnnotationExtensionReplacementInfoForNonDeprecatedOperations } from './api-annotation-extension-replacement-info-for-non-deprecated-operations';
import { rule as apiAnnotationExtensionReplacementInfoMissingApiProperty } from './api-annotation-extension-replacement-info-missing-api-property';
import { rule as apiAnnotationExtensionReplacementInfoMissingOperationIdProperty } from './api-annotation-extension-replacement-info-missing-operation-id-property';
import { rule as arrayDuplicateValue } from './array-duplicate-value';
import { rule as arrayHasNoItems } from './array-has-no-items';
import { rule as basePathNotValid } from './base-path-not-valid';
import { rule as bodyOrFormDataParameterInFetchOperationNotAllowed } from './body-or-form-data-parameter-in-fetch-operation-not-allowed';
import { rule as bodyParameterPropertyNotValid } from './body-parameter-property-not-valid';
import { rule as bodyParameterSchemaRequired } from './body-parameter-schema-required';
import { rule as bodySchemaCountExceedsMaxAllowed } from './body-schema-count-exceeds-max-allowed';
import { rule as ckBrandColor } from './ck-brand-color';
import { rule as ckClientSecret } from './ck-client-secret';
import { rule as ckContactRequired } from './ck-contact-required';
import { rule as ckDescriptionSentence } from './ck-description-sentence';
import { rule as ckIconFormat } from './ck-icon-format';
import { rule as ckPolicyOperationNotFound } from './ck-policy-operation-not-found';
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
import { rule as discriminatorMustBeARequiredStringProperty } from './discriminator-must-be-a-required-string-property';
import { rule as duplicateEnumValuesInExtension } from './duplicate-enum-values-in-extension';
import { rule as duplicateOperationPath } from './duplicate-operation-path';
import { rule as dynamicExtensionDefinitionNotAllowedInParameter } from './dynamic-extension-definition-not-allowed-in-parameter';
import { rule as dynamicListExtensionRequiredForNonParameterReferences } from './dynamic-list-extension-required-for-non-parameter-references';
import { rule as dynamicPropertiesExtensionRequiredForNonParameterReferences } from './dynamic-properties-extension-required-for-non-parameter-references';
import { rule as enumMustContainAtLeastOneElement } from './enum-must-contain-at-least-one-element';
import { rule as exclusiveMaximumRequiresMaximum } from './exclusive-maximum-requires-maximum';
import { rule as exclusiveMinimumRequiresMinimum } from './exclusive-minimum-requires-minimum';
import { rule as fieldLengthExceeded } from './field-length-exceeded';
import { rule as fieldLengthNotInRange } from './field-length-not-in-range';
import { rule as fileParameterMustBeInFormData } from './file-parameter-must-be-in-form-data';
import { rule as hostNameNotValid } from './host-name-not-valid';
import { rule as internalPropertyWithDefaultOptional } from './internal-property-with-default-optional';
import { rule as invalidConnectorCategory } from './invalid-connector-category';
import { rule as invalidCustomEditorExtensionDictionaryValue } from './invalid-custom-editor-extension-dictionary-value';
import { rule as invalidEnumValue } from './invalid-enum-value';
import { rule as invalidEnumValuesExtensionValue } from './invalid-enum-values-extension-value';
import { rule as invalidFormDataParameterName } from './invalid-form-data-parameter-name';
import { rule as invalidNextLinkNameValue } from './invalid-next-link-name-value';
import { rule as invalidStringBinaryProperty } from './invalid-string-binary-property';
import { rule as invokedOperationShouldProduceArray } from './invoked-operation-should-produce-array';
import { rule as invokedOperationShouldProduceProperty } from './invoked-operation-should-produce-property';
import { rule as maxItemsMustBeGreaterThanOrEqualToZero } from './max-items-must-be-greater-than-or-equal-to-zero';
import { rule as maxLengthMustBeGreaterThanOrEqualToZero } from './max-length-must-be-greater-than-or-equal-to-zero';
import { rule as maxPropertiesMustBeGreaterThanOrEqualToZero } from './max-properties-must-be-greater-than-or-equal-to-zero';
import { rule as mimeTypeNotValid } from './mime-type-not-valid';
import { rule as minItemsMustBeGreaterThanOrEqualToZero } from './min-items-must-be-greater-than-or-equal-to-zero';
import { rule as minItemsShouldBeLessThanOrEqualToMaxItems } from './min-items-should-be-less-than-or-equal-to-max-items';
import { rule as minLengthMustBeGreaterThanOrEqualToZero } from './min-length-must-be-greater-than-or-equal-to-zero';
import { rule as minLengthShouldBeLessThanOrEqualToMaxLength } from './min-length-should-be-less-than-or-equal-to-max-length';
import { rule as minPropertiesMustBeGreaterThanOrEqualToZero } from './min-properties-must-be-greater-than-or-equal-to-zero';
import { rule as minimumShouldBeLessThanOrEqualToMaximum } from './minimum-should-be-less-than-or-equal-to-maximum';
import { rule as missingEnumValuesDisplayName } from './missing-enum-values-display-name';
import { rule as multipleOfMustBeGreaterThanZero } from './multiple-of-must-be-greater-than-zero';
import { rule as nonBodyParameterSchemaNotValid } from './non-body-parameter-schema-not-valid';
import { rule as notificationExtensionNotSupportedInWebhookOperation } from './notification-extension-not-supported-in-webhook-operation';
import { rule as notificationExtensionSupportedForTriggerOnly } from './notification-extension-supported-for-trigger-only';
import { rule as notificationOperationMustBeWebhook } from './notification-operation-must-be-webhook';
import { rule as notificationUrlNotAllowedInThisPosition } from './notification-url-not-allowed-in-this-position';
import { rule as notificationUrlNotInternal } from './notification-url-not-internal';
import { rule as notificationUrlNotRequired } from './notification-url-not-required';
import { rule as notificationUrlNotString } from './notification-url-not-string';
import { rule as oAuthSecurityRequirementValueMustBeScopeName } from './o-auth-security-requirement-value-must-be-scope-name';
import { rule as operationFamilyHasDuplicateRevisions } from './operation-family-has-duplicate-revisions';
import { rule as operationFamilyHasManyActiveOperations } from './operation-family-has-many-active-operations';
import { rule as operationFamilyHasManyActiveProductionOperations } from './operation-family-has-many-active-production-operations';
import { rule as operationFamilyHasManyEmptyRevisions } from './operation-family-has-many-empty-revisions';
import { rule as operationHasManyResponsesWithSchema } from './operation-has-many-responses-with-schema';
import { rule as operationIdNotFound } from './operation-id-not-found';
import { rule as operationIdNotUnique } from './operation-id-not-unique';
import { rule as operationIdRequired } from './operation-id-required';
import { rule as operationIdSanitized } from './operation-id-sanitized';
import { rule as operationMissingPathParameter } from './operation-missing-path-parameter';
import { rule as operationMissingRequiredProperty } from './operation-missing-required-property';
import { rule as operationMustHaveNotificationContentExtension } from './operation-must-have-notification-content-extension';
import { rule as operationMustHaveResponse } from './operation-must-have-response';
import { rule as operationParameterNameNotFound } from './operation-parameter-name-not-found';
import { rule as operationParametersContainDuplicateParameter } from './operation-parameters-contain-duplicate-parameter';
import { rule as operationParametersContainMultipleBodyParameters } from './operation-parameters-contain-multiple-body-parameters';
import { rule as operationPathContainsUnsupportedCharacters } from './operation-path-contains-unsupported-characters';
import { rule as operationPathMayNotContainQueryOrFragment } from './operation-path-may-not-contain-query-or-fragment';
import { rule as operationPathMustStartWithSlash } from './operation-path-must-start-with-slash';
import { rule as operationPathTemplateNotValid } from './operation-path-template-not-valid';
import { rule as operationPathVariablesContainDefaults } from './operation-path-variables-contain-defaults';
import { rule as operationSchemaCountExceedsMaxAllowed } from './operation-schema-count-exceeds-max-allowed';
import { rule as operationShouldHaveSuccessfulResponse } from './operation-should-have-successful-response';
import { rule as operationStatusAheadOfConnector } from './operation-status-ahead-of-connector';
import { rule as operationSummaryTooLong } from './operation-summary-too-long';
import { rule as parameterListContainsFormDataAndBody } from './parameter-list-contains-form-data-and-body';
import { rule as parameterRefLoopNotAllowed } from './parameter-ref-loop-not-allowed';
import { rule as parameterReferenceNotFound } from './parameter-reference-not-found';
import { rule as parameterReferenceNotValid } from './parameter-reference-not-valid';
import { rule as partialDuplicateOperationPath } from './partial-duplicate-operation-path';
import { rule as pathItemRefNotSuppored } from './path-item-ref-not-suppored';
import { rule as pathParameterMissingEncoding } from './path-parameter-missing-encoding';
import { rule as pathParameterMustBeRequired } from './path-parameter-must-be-required';
import { rule as pathParameterNotDefinedInTemplate } from './path-parameter-not-defined-in-template';
import { rule as pathParametersContainDuplicateParameter } from './path-parameters-contain-duplicate-parameter';
import { rule as pathParametersContainMultipleBodyParameters } from './path-parameters-contain-multiple-body-parameters';
import { rule as pathRedefined } from './path-redefined';
import { rule as patternShouldBeValidRegularExpression } from './pattern-should-be-valid-regular-expression';
import { rule as propertyMustBeRequired } from './property-must-be-required';
import { rule as queryParameterEncodingNotSupported } from './query-parameter-encoding-not-supported';
import { rule as requiredLoopInSchemaNotAllowed } from './required-loop-in-schema-not-allowed';
import { rule as requiredPropertyArrayEmpty } from './required-property-array-empty';
import { rule as requiredPropertyDefinitionMissing } from './required-property-definition-missing';
import { rule as requiredPropertyNotOnObject } from './required-property-not-on-object';
import { rule as requiredReadOnlyPropertyNotAllowedAsInput } from './required-read-only-property-not-allowed-as-input';
import { rule as requiredValueEmpty } from './required-value-empty';
import { rule as responseExampleMustBeProducedByOperation } from './response-example-must-be-produced-by-operation';
import { rule as responseHeadersAreNotUnique } from './response-headers-are-not-unique';
import { rule as responseMustBeDefaultOrHttpStatusCode } from './response-must-be-default-or-http-status-code';
import { rule as responseRefLoopNotAllowed } from './response-ref-loop-not-allowed';
import { rule as responseReferenceNotFound } from './response-reference-not-found';
import { rule as responseReferenceNotValid } from './response-reference-not-valid';
import { rule as restrictedCharactersInSummary } from './restricted-characters-in-summary';
import { rule as schemaDefinitionSetIncorrectly } from './schema-definition-set-incorrectly';
import { rule as schemaRefLoopNotAllowed } from './schema-ref-loop-not-allowed';
import { rule as schemaReferenceNotFound } from './schema-reference-not-found';
import { rule as schemaReferenceNotValid } from './schema-reference-not-valid';
import { rule as schemaTypeFileNotValid } from './schema-type-file-not-valid';
import { rule as schemeNotSupported } from './scheme-not-supported';
import { rule as schemeNotValid } from './scheme-not-valid';
import { rule as schemesArrayEmpty } from './schemes-array-empty';
import { rule as securityRequirementMustBeDefined } from './security-requirement-must-be-defined';
import { rule as securityRequirementMustHaveEmptyValue } from './security-requirement-must-have-empty-value';
import { rule as securityRequirementMustHaveValue } from './security-requirement-must-have-value';
import { rule as securitySchemePropertyNotValid } from './security-scheme-property-not-valid';
import { rule as securitySchemePropertyRequired } from './security-scheme-property-required';
import { rule as specificationVersionIncorrect } from './specification-version-incorrect';
import { rule as stringBinaryNotSupportedForFormUrlEncoded } from './string-binary-not-supported-for-form-url-encoded';
import { rule as tagRedefined } from './tag-redefined';
import { rule as tooManyConnectorCategories } from './too-many-connector-categories';
import { rule as totalOperationsCountExceedsMaxAllowed } from './total-operations-count-exceeds-max-allowed';
import { rule as unrecognizedTypeFormat } from './unrecognized-type-format';
import { rule as urlNotValid } from './url-not-valid';
import { rule as valueContainsRestrictedWords } from './value-contains-restricted-words';
import { rule as valueMustBeInEnglish } from './value-must-be-in-english';
import { rule as valueMustEndWithAlphanumeric } from './value-must-end-with-alphanumeric';
import { rule as webhookOperationsMissingNotificationUrlProperty } from './webhook-operations-missing-notification-url-property';

/** All rules. */
export const RULES: readonly Rule[] = [
  additionalPropertyNotAllowedAdjacentToRef,
  allowEmptyValueOnlyValidForQueryFormData,
  apiAnnotationExtensionReplacementInfoForNonDeprecatedOperations,
  apiAnnotationExtensionReplacementInfoMissingApiProperty,
  apiAnnotationExtensionReplacementInfoMissingOperationIdProperty,
  arrayDuplicateValue,
  arrayHasNoItems,
  basePathNotValid,
  bodyOrFormDataParameterInFetchOperationNotAllowed,
  bodyParameterPropertyNotValid,
  bodyParameterSchemaRequired,
  bodySchemaCountExceedsMaxAllowed,
  ckBrandColor,
  ckClientSecret,
  ckContactRequired,
  ckDescriptionSentence,
  ckIconFormat,
  ckPolicyOperationNotFound,
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
  discriminatorMustBeARequiredStringProperty,
  duplicateEnumValuesInExtension,
  duplicateOperationPath,
  dynamicExtensionDefinitionNotAllowedInParameter,
  dynamicListExtensionRequiredForNonParameterReferences,
  dynamicPropertiesExtensionRequiredForNonParameterReferences,
  enumMustContainAtLeastOneElement,
  exclusiveMaximumRequiresMaximum,
  exclusiveMinimumRequiresMinimum,
  fieldLengthExceeded,
  fieldLengthNotInRange,
  fileParameterMustBeInFormData,
  hostNameNotValid,
  internalPropertyWithDefaultOptional,
  invalidConnectorCategory,
  invalidCustomEditorExtensionDictionaryValue,
  invalidEnumValue,
  invalidEnumValuesExtensionValue,
  invalidFormDataParameterName,
  invalidNextLinkNameValue,
  invalidStringBinaryProperty,
  invokedOperationShouldProduceArray,
  invokedOperationShouldProduceProperty,
  maxItemsMustBeGreaterThanOrEqualToZero,
  maxLengthMustBeGreaterThanOrEqualToZero,
  maxPropertiesMustBeGreaterThanOrEqualToZero,
  mimeTypeNotValid,
  minItemsMustBeGreaterThanOrEqualToZero,
  minItemsShouldBeLessThanOrEqualToMaxItems,
  minLengthMustBeGreaterThanOrEqualToZero,
  minLengthShouldBeLessThanOrEqualToMaxLength,
  minPropertiesMustBeGreaterThanOrEqualToZero,
  minimumShouldBeLessThanOrEqualToMaximum,
  missingEnumValuesDisplayName,
  multipleOfMustBeGreaterThanZero,
  nonBodyParameterSchemaNotValid,
  notificationExtensionNotSupportedInWebhookOperation,
  notificationExtensionSupportedForTriggerOnly,
  notificationOperationMustBeWebhook,
  notificationUrlNotAllowedInThisPosition,
  notificationUrlNotInternal,
  notificationUrlNotRequired,
  notificationUrlNotString,
  oAuthSecurityRequirementValueMustBeScopeName,
  operationFamilyHasDuplicateRevisions,
  operationFamilyHasManyActiveOperations,
  operationFamilyHasManyActiveProductionOperations,
  operationFamilyHasManyEmptyRevisions,
  operationHasManyResponsesWithSchema,
  operationIdNotFound,
  operationIdNotUnique,
  operationIdRequired,
  operationIdSanitized,
  operationMissingPathParameter,
  operationMissingRequiredProperty,
  operationMustHaveNotificationContentExtension,
  operationMustHaveResponse,
  operationParameterNameNotFound,
  operationParametersContainDuplicateParameter,
  operationParametersContainMultipleBodyParameters,
  operationPathContainsUnsupportedCharacters,
  operationPathMayNotContainQueryOrFragment,
  operationPathMustStartWithSlash,
  operationPathTemplateNotValid,
  operationPathVariablesContainDefaults,
  operationSchemaCountExceedsMaxAllowed,
  operationShouldHaveSuccessfulResponse,
  operationStatusAheadOfConnector,
  operationSummaryTooLong,
  parameterListContainsFormDataAndBody,
  parameterRefLoopNotAllowed,
  parameterReferenceNotFound,
  parameterReferenceNotValid,
  partialDuplicateOperationPath,
  pathItemRefNotSuppored,
  pathParameterMissingEncoding,
  pathParameterMustBeRequired,
  pathParameterNotDefinedInTemplate,
  pathParametersContainDuplicateParameter,
  pathParametersContainMultipleBodyParameters,
  pathRedefined,
  patternShouldBeValidRegularExpression,
  propertyMustBeRequired,
  queryParameterEncodingNotSupported,
  requiredLoopInSchemaNotAllowed,
  requiredPropertyArrayEmpty,
  requiredPropertyDefinitionMissing,
  requiredPropertyNotOnObject,
  requiredReadOnlyPropertyNotAllowedAsInput,
  requiredValueEmpty,
  responseExampleMustBeProducedByOperation,
  responseHeadersAreNotUnique,
  responseMustBeDefaultOrHttpStatusCode,
  responseRefLoopNotAllowed,
  responseReferenceNotFound,
  responseReferenceNotValid,
  restrictedCharactersInSummary,
  schemaDefinitionSetIncorrectly,
  schemaRefLoopNotAllowed,
  schemaReferenceNotFound,
  schemaReferenceNotValid,
  schemaTypeFileNotValid,
  schemeNotSupported,
  schemeNotValid,
  schemesArrayEmpty,
  securityRequirementMustBeDefined,
  securityRequirementMustHaveEmptyValue,
  securityRequirementMustHaveValue,
  securitySchemePropertyNotValid,
  securitySchemePropertyRequired,
  specificationVersionIncorrect,
  stringBinaryNotSupportedForFormUrlEncoded,
  tagRedefined,
  tooManyConnectorCategories,
  totalOperationsCountExceedsMaxAllowed,
  unrecognizedTypeFormat,
  urlNotValid,
  valueContainsRestrictedWords,
  valueMustBeInEnglish,
  valueMustEndWithAlphanumeric,
  webhookOperationsMissingNotificationUrlProperty,
];

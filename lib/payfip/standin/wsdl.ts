// The WSDL our stand-in serves: PaiementSecuriseService as published by PayFiP (document/literal,
// SOAP 1.1, the two operations the portal uses), its soap:address pointing at the stand-in.
import { CREER_FIELDS, DETAIL_FIELDS, escapeXml, PAYFIP_NAMESPACE, PAYFIP_PATHS } from "../soap";

const field = (name: string) => `<xs:element minOccurs="0" name="${name}" type="xs:string"/>`;

export function paiementSecuriseServiceWsdl(baseUrl: string): string {
  const address = escapeXml(`${baseUrl}${PAYFIP_PATHS.service}`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${PAYFIP_NAMESPACE}"
  targetNamespace="${PAYFIP_NAMESPACE}" name="PaiementSecuriseService">
  <types>
    <xs:schema targetNamespace="${PAYFIP_NAMESPACE}" elementFormDefault="unqualified">
      <xs:element name="creerPaiementSecurise" type="tns:creerPaiementSecurise"/>
      <xs:element name="creerPaiementSecuriseResponse" type="tns:creerPaiementSecuriseResponse"/>
      <xs:element name="recupererDetailPaiementSecurise" type="tns:recupererDetailPaiementSecurise"/>
      <xs:element name="recupererDetailPaiementSecuriseResponse" type="tns:recupererDetailPaiementSecuriseResponse"/>
      <xs:element name="FonctionnelleErreur" type="tns:FonctionnelleErreur"/>
      <xs:element name="TechDysfonctionnementErreur" type="tns:TechDysfonctionnementErreur"/>
      <xs:complexType name="creerPaiementSecurise"><xs:sequence><xs:element minOccurs="0" name="arg0" type="tns:CreerPaiementSecuriseRequest"/></xs:sequence></xs:complexType>
      <xs:complexType name="CreerPaiementSecuriseRequest"><xs:sequence>${CREER_FIELDS.map(field).join("")}</xs:sequence></xs:complexType>
      <xs:complexType name="creerPaiementSecuriseResponse"><xs:sequence><xs:element minOccurs="0" name="return" type="tns:CreerPaiementSecuriseResponse"/></xs:sequence></xs:complexType>
      <xs:complexType name="CreerPaiementSecuriseResponse"><xs:sequence>${field("idOp")}</xs:sequence></xs:complexType>
      <xs:complexType name="recupererDetailPaiementSecurise"><xs:sequence><xs:element minOccurs="0" name="arg0" type="tns:RecupererDetailPaiementSecuriseRequest"/></xs:sequence></xs:complexType>
      <xs:complexType name="RecupererDetailPaiementSecuriseRequest"><xs:sequence>${field("idOp")}</xs:sequence></xs:complexType>
      <xs:complexType name="recupererDetailPaiementSecuriseResponse"><xs:sequence><xs:element minOccurs="0" name="return" type="tns:RecupererDetailPaiementSecuriseResponse"/></xs:sequence></xs:complexType>
      <xs:complexType name="RecupererDetailPaiementSecuriseResponse"><xs:sequence>${DETAIL_FIELDS.map(field).join("")}</xs:sequence></xs:complexType>
      <xs:complexType name="FonctionnelleErreur"><xs:sequence>${["code", "descriptif", "libelle", "message", "severite"].map(field).join("")}</xs:sequence></xs:complexType>
      <xs:complexType name="TechDysfonctionnementErreur"><xs:sequence>${["code", "descriptif", "libelle", "message", "severite"].map(field).join("")}</xs:sequence></xs:complexType>
    </xs:schema>
  </types>
  <message name="creerPaiementSecurise"><part name="parameters" element="tns:creerPaiementSecurise"/></message>
  <message name="creerPaiementSecuriseResponse"><part name="parameters" element="tns:creerPaiementSecuriseResponse"/></message>
  <message name="recupererDetailPaiementSecurise"><part name="parameters" element="tns:recupererDetailPaiementSecurise"/></message>
  <message name="recupererDetailPaiementSecuriseResponse"><part name="parameters" element="tns:recupererDetailPaiementSecuriseResponse"/></message>
  <message name="FonctionnelleErreur"><part name="fault" element="tns:FonctionnelleErreur"/></message>
  <message name="TechDysfonctionnementErreur"><part name="fault" element="tns:TechDysfonctionnementErreur"/></message>
  <portType name="PaiementSecuriseService">
    <operation name="creerPaiementSecurise">
      <input message="tns:creerPaiementSecurise"/><output message="tns:creerPaiementSecuriseResponse"/>
      <fault name="FonctionnelleErreur" message="tns:FonctionnelleErreur"/><fault name="TechDysfonctionnementErreur" message="tns:TechDysfonctionnementErreur"/>
    </operation>
    <operation name="recupererDetailPaiementSecurise">
      <input message="tns:recupererDetailPaiementSecurise"/><output message="tns:recupererDetailPaiementSecuriseResponse"/>
      <fault name="FonctionnelleErreur" message="tns:FonctionnelleErreur"/><fault name="TechDysfonctionnementErreur" message="tns:TechDysfonctionnementErreur"/>
    </operation>
  </portType>
  <binding name="PaiementSecuriseServiceBinding" type="tns:PaiementSecuriseService">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    ${["creerPaiementSecurise", "recupererDetailPaiementSecurise"]
      .map(
        (operation) => `<operation name="${operation}"><soap:operation soapAction=""/>
      <input><soap:body use="literal"/></input><output><soap:body use="literal"/></output>
      <fault name="FonctionnelleErreur"><soap:fault name="FonctionnelleErreur" use="literal"/></fault>
      <fault name="TechDysfonctionnementErreur"><soap:fault name="TechDysfonctionnementErreur" use="literal"/></fault></operation>`,
      )
      .join("\n    ")}
  </binding>
  <service name="PaiementSecuriseService">
    <port name="PaiementSecuriseServicePort" binding="tns:PaiementSecuriseServiceBinding"><soap:address location="${address}"/></port>
  </service>
</definitions>
`;
}
